import type { Metadata } from 'next';
import Link from 'next/link';
import { lessonWidgets } from '@/app/_components/widgets/registry';
import { exampleExercise } from '@/lib/lessons/example-exercise';
import { EXAMPLE_PROSE, galleryEntries } from '@/lib/lessons/widget-gallery';
import { widgetSpecs, type WidgetName } from '@/lib/lessons/widget-names';
import { CopySnippet } from './CopySnippet';
import { GalleryScope } from './GalleryScope';
import { ReportedActions } from './ReportedActions';
import styles from './page.module.css';

export const metadata: Metadata = {
  title: 'Widget gallery for authors',
  description: 'Every widget lesson content may use, live, with its props, the actions it reports and a snippet.',
  robots: { index: false },
};

/**
 * The widget gallery for lesson authors (linked from lessons/README.md, not from the learner's
 * navigation): every widget of the closed vocabulary (lib/lessons/widget-names.ts, what the
 * validator accepts), rendered live with its example props, with its props, the actions it
 * reports for `requires`, and the snippet to paste into content.mdx.
 */
export default function AuthoringGallery() {
  const { entries } = galleryEntries(widgetSpecs);
  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href="/">All lessons</Link>
      </p>
      <h1>Widget gallery</h1>
      <p className={styles.lead}>
        Everything a lesson&rsquo;s <code>content.mdx</code> may use, working. Props are always string literals. A
        step&rsquo;s <code>requires</code> in <code>meta.ts</code> may name any action a widget in that step or an
        earlier one reports. The widgets here share one lab, as the widgets of one lesson do.
      </p>
      <nav aria-label="Widgets">
        <ul className={styles.index}>
          {entries.map((e) => (
            <li key={e.name}>
              <a href={`#${e.name}`}>{e.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <GalleryScope exercises={[exampleExercise('example-exercise')]}>
        {entries.map((entry) => {
          const Widget = lessonWidgets[entry.name as WidgetName];
          return (
            <section key={entry.name} id={entry.name} aria-labelledby={`${entry.name}-title`} className={styles.entry}>
              <h2 id={`${entry.name}-title`}>
                <code>&lt;{entry.name}&gt;</code>
              </h2>
              <p className={styles.description}>{entry.description}</p>
              <div className={styles.facts}>
                <div>
                  <h3>Props</h3>
                  {entry.props.length === 0 ? (
                    <p className={styles.muted}>None.</p>
                  ) : (
                    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={`Props of ${entry.name}`}>
                      <table className={styles.props}>
                        <thead>
                          <tr>
                            <th scope="col">Prop</th>
                            <th scope="col">Required</th>
                            <th scope="col">Values</th>
                            <th scope="col">Meaning</th>
                          </tr>
                        </thead>
                        <tbody>
                          {entry.props.map((p) => (
                            <tr key={p.name}>
                              <th scope="row">
                                <code>{p.name}</code>
                              </th>
                              <td>{p.required ? 'yes' : 'no'}</td>
                              <td>{p.allowed ?? 'any text'}</td>
                              <td>{p.description}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
                <div>
                  <h3>Actions it reports</h3>
                  <ReportedActions actions={entry.actions} />
                </div>
              </div>
              <h3>Snippet</h3>
              <CopySnippet name={entry.name} snippet={entry.snippet} />
              <h3>Live</h3>
              <div className={styles.live} role="group" aria-label={`${entry.name}, live`}>
                <Widget {...entry.example}>{entry.children ? <p>{EXAMPLE_PROSE}</p> : undefined}</Widget>
              </div>
            </section>
          );
        })}
      </GalleryScope>
    </main>
  );
}
