'use client';
/**
 * A sideways-scrolling box that says when it hides columns: a line above it ("Scroll sideways: more
 * columns →") and a fade on each edge that has more to see, measured from the box itself, so a
 * wide table at 1280 px never hides columns silently. The box stays a focusable region, so the
 * keyboard scrolls it too.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import styles from './attack.module.css';
import heat from './heat.module.css';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  const overflowing = edges.left || edges.right;
  return (
    <div className={heat.scrollFrame}>
      {overflowing && (
        <p className={heat.scrollHint}>
          {edges.right ? 'More columns to the right: scroll sideways →' : '← More columns to the left'}
        </p>
      )}
      <div className={heat.scrollFade} data-left={edges.left || undefined} data-right={edges.right || undefined}>
        <div ref={box} className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
          {children}
        </div>
      </div>
    </div>
  );
}
