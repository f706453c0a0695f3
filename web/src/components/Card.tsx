import type { ReactNode } from "react";

interface CardProps {
  /** The card's heading, which also names the section. */
  title: ReactNode;
  /** The heading's id (the section is labelled by it). */
  titleId: string;
  /** Shown right of the heading: a button, a badge. */
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** A card section whose heading carries its actions on the right. */
export function Card({ title, titleId, actions, testId, children }: CardProps) {
  return (
    <section className="card" aria-labelledby={titleId} data-testid={testId}>
      <div className="card__header">
        <h2 id={titleId} className="card__title">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
