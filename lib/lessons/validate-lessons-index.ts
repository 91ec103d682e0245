/**
 * `lessons/index.ts` against the lesson folders: valid tracks with unique ids, each slug listed
 * once, backed by a folder, and its meta in the `lessons` export. Its track order is the course
 * order the other checks use.
 *
 * @module
 */
import { formatFieldPath, type LessonIssue } from './lesson-issue';
import { trackSchema } from './lesson-schema';
import type { LessonsTreeInput } from './lessons-tree-input';

/** Reads index.ts: valid tracks, each slug once and backed by a folder and a meta. Returns the course order. */
export function checkIndex(input: LessonsTreeInput, issues: LessonIssue[]): string[] | undefined {
  if (!input.index) {
    issues.push({
      rule: 'index-load',
      file: 'index.ts',
      message: `index.ts could not be loaded: ${input.indexLoadError ?? 'it is missing'}. Fix it first: it lists the tracks and imports each lesson's meta.`,
    });
    return undefined;
  }
  const { tracks, lessons } = input.index;
  if (!Array.isArray(tracks)) {
    issues.push({
      rule: 'index-shape',
      file: 'index.ts',
      message: 'index.ts must export `tracks`: an array of { id, title, description, lessons: slug[] }.',
    });
    return undefined;
  }
  if (!Array.isArray(lessons)) {
    issues.push({
      rule: 'index-shape',
      file: 'index.ts',
      message:
        "index.ts must export `lessons`: an array of every lesson's meta (import { lesson as x } from './x/meta').",
    });
  }
  const order: string[] = [];
  const trackIds = new Set<string>();
  const folderSlugs = new Set(input.folders.map((f) => f.slug));
  const folderMetas = new Map(input.folders.map((f) => [f.slug, f.meta]));
  tracks.forEach((raw: unknown, t) => {
    const parsed = trackSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          rule: 'track-schema',
          file: 'index.ts',
          path: formatFieldPath(['tracks', t, ...issue.path]),
          message: issue.message,
        });
      }
    }
    // A track with a bad title still orders its lessons; only a missing lesson list drops them.
    const track = parsed.success ? parsed.data : lenientTrack(raw, t);
    if (trackIds.has(track.id)) {
      issues.push({
        rule: 'track-duplicate',
        file: 'index.ts',
        path: `tracks[${t}].id`,
        message: `Track id "${track.id}" is used twice: give each track its own id.`,
      });
    }
    trackIds.add(track.id);
    track.lessons.forEach((slug, l) => {
      const path = `tracks[${t}].lessons[${l}]`;
      if (order.includes(slug)) {
        issues.push({
          rule: 'slug-listed-twice',
          file: 'index.ts',
          path,
          message: `"${slug}" is listed twice: a lesson appears once in the course; remove one entry.`,
        });
        return;
      }
      order.push(slug);
      if (!folderSlugs.has(slug)) {
        issues.push({
          rule: 'index-missing-folder',
          file: 'index.ts',
          path,
          message: `"${slug}" is listed but lessons/${slug}/ does not exist: create the folder with meta.ts and content.mdx, or fix the slug.`,
        });
      } else if (
        Array.isArray(lessons) &&
        !lessons.some((m: unknown) => m === folderMetas.get(slug) || slugOf(m) === slug)
      ) {
        issues.push({
          rule: 'index-meta-missing',
          file: 'index.ts',
          path,
          message: `"${slug}" is listed but its meta is not in the \`lessons\` export: add import { lesson as ${camel(slug)} } from './${slug}/meta' and put ${camel(slug)} in \`lessons\`.`,
        });
      }
    });
  });
  return order;
}

/** The id and lesson slugs of a track that failed its schema, as far as they can be read. */
function lenientTrack(raw: unknown, index: number): { id: string; lessons: string[] } {
  const r = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown; lessons?: unknown }) : {};
  return {
    id: typeof r.id === 'string' ? r.id : `#${index}`,
    lessons: Array.isArray(r.lessons) ? r.lessons.filter((s): s is string => typeof s === 'string') : [],
  };
}

function slugOf(meta: unknown): unknown {
  return typeof meta === 'object' && meta !== null ? (meta as { slug?: unknown }).slug : undefined;
}

function camel(slug: string): string {
  return slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
