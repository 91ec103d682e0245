/**
 * `tracks.ts` against the lesson folders: valid tracks with unique ids, each slug listed once and
 * backed by a folder. Its track order is the course order the other checks use. tracks.ts is the
 * one hand-kept list of a course; everything else is found from the folders.
 *
 * @module
 */
import { formatFieldPath, type LessonIssue } from './lesson-issue';
import { trackSchema } from './lesson-schema';
import type { LessonsTreeInput } from './lessons-tree-input';

const FILE = 'tracks.ts';

/** Reads tracks.ts: valid tracks, each slug once and backed by a folder. Returns the course order. */
export function checkTracks(input: LessonsTreeInput, issues: LessonIssue[]): string[] | undefined {
  if (input.tracksLoadError !== undefined || input.tracks === undefined) {
    issues.push({
      rule: 'tracks-load',
      file: FILE,
      message: `tracks.ts could not be loaded: ${input.tracksLoadError ?? 'it does not export `tracks`'}. Fix it first: it lists the tracks and the order of their lessons.`,
    });
    return undefined;
  }
  const { tracks } = input;
  if (!Array.isArray(tracks)) {
    issues.push({
      rule: 'tracks-shape',
      file: FILE,
      message: 'tracks.ts must export `tracks`: an array of { id, title, description, lessons: slug[] }.',
    });
    return undefined;
  }
  const order: string[] = [];
  const trackIds = new Set<string>();
  const folderSlugs = new Set(input.folders.map((f) => f.slug));
  tracks.forEach((raw: unknown, t) => {
    const parsed = trackSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          rule: 'track-schema',
          file: FILE,
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
        file: FILE,
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
          file: FILE,
          path,
          message: `"${slug}" is listed twice: a lesson appears once in the course; remove one entry.`,
        });
        return;
      }
      order.push(slug);
      if (!folderSlugs.has(slug)) {
        issues.push({
          rule: 'track-missing-folder',
          file: FILE,
          path,
          message: `"${slug}" is listed but the folder ${slug}/ does not exist: create it (npm run lesson:new -- ${slug}), or fix the slug.`,
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
