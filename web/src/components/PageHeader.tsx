import type { ReactNode } from "react";

/**
 * The page's heading, a line about it, and its main actions on the right. `subtitleLang` marks a
 * subtitle in the other language (a record's other name), so it is read as such.
 */
export function PageHeader({ title, subtitle, subtitleLang, actions }: { title: string; subtitle?: string; subtitleLang?: string; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {subtitle && <p className="page-header__subtitle" lang={subtitleLang}>
            {subtitle}
          </p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
