import { memo, useCallback, useMemo, useState } from "react";
import type { ActorRoleInfo, NodeBrief } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useDebounced } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle, plainText } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { filterTree, indexTree, visibleRows } from "./tree.ts";
import { TagChips } from "./TagChips.tsx";
import { nodePath } from "./vocabulary.ts";
import "./tree.css";

const PAGE = 400;

/**
 * A framework's nodes as a collapsible tree. Starts collapsed and draws only the open branches
 * (the EU AI Act has ~1,500 nodes); a filter over labels and titles opens the way to each match.
 */
export function NodeTree({ nodes, actorRoles }: { nodes: NodeBrief[]; actorRoles: ActorRoleInfo[] }) {
  const { t, number } = useI18n();
  const index = useMemo(() => indexTree(nodes), [nodes]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState("");
  const [requirementsOnly, setRequirementsOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const settled = useDebounced(filter, 200);
  const filtered = useMemo(() => filterTree(index, settled, requirementsOnly), [index, settled, requirementsOnly]);
  const rows = useMemo(() => visibleRows(index, expanded, filtered?.keep), [index, expanded, filtered]);

  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const expandAll = () => setExpanded(new Set(index.children.keys()));
  const collapseAll = () => setExpanded(new Set());

  return (
    <section className="card node-tree" aria-labelledby="node-tree-title" data-testid="node-tree">
      <h2 id="node-tree-title" className="card__title">
        {t("library.tree.title")}
      </h2>
      <div className="toolbar">
        <input
          type="search"
          className="input search-input"
          placeholder={t("library.tree.filter")}
          aria-label={t("library.tree.filter")}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setLimit(PAGE);
          }}
          data-testid="node-filter"
        />
        <label className="checkbox">
          <input type="checkbox" checked={requirementsOnly} onChange={(e) => setRequirementsOnly(e.target.checked)} />
          {t("library.tree.requirementsOnly")}
        </label>
        <button type="button" className="button button--small" onClick={expandAll}>
          {t("library.tree.expandAll")}
        </button>
        <button type="button" className="button button--small" onClick={collapseAll}>
          {t("library.tree.collapseAll")}
        </button>
      </div>
      {filtered && (
        <p className="muted node-tree__count" role="status">
          {t("library.tree.matches", { count: number(filtered.matches) })}
        </p>
      )}
      <ul className="node-tree__list">
        {rows.slice(0, limit).map((row) => (
          <TreeRow
            key={row.node.id}
            node={row.node}
            depth={row.depth}
            hasChildren={row.hasChildren}
            open={row.open}
            forced={row.forced}
            actorRoles={actorRoles}
            onToggle={toggle}
          />
        ))}
      </ul>
      {rows.length > limit && (
        <button type="button" className="button button--small node-tree__more" onClick={() => setLimit((l) => l + PAGE)}>
          {t("library.tree.showMore", { shown: number(limit), total: number(rows.length) })}
        </button>
      )}
    </section>
  );
}

interface TreeRowProps {
  node: NodeBrief;
  depth: number;
  hasChildren: boolean;
  open: boolean;
  forced: boolean;
  actorRoles: ActorRoleInfo[];
  onToggle(id: string): void;
}

const TreeRow = memo(function TreeRow({ node, depth, hasChildren, open, forced, actorRoles, onToggle }: TreeRowProps) {
  const { t, lang, day } = useI18n();
  const label = plainText(node.label, lang);
  const actorName = (id: string) => plainText(actorRoles.find((a) => a.id === id)?.name, lang) || id;
  return (
    <li className={node.requirement ? "tree-row tree-row--requirement" : "tree-row"} data-depth={depth}>
      <span className="tree-row__indent" aria-hidden="true">
        {Array.from({ length: depth }, (_, i) => (
          <span key={i} className="tree-row__guide" />
        ))}
      </span>
      {hasChildren ? (
        <button
          type="button"
          className="tree-row__toggle"
          aria-expanded={open}
          aria-label={t(open ? "library.tree.collapse" : "library.tree.expand", { label })}
          disabled={forced}
          onClick={() => onToggle(node.id)}
        >
          {open ? "▾" : "▸"}
        </button>
      ) : (
        <span className="tree-row__leaf" aria-hidden="true" />
      )}
      <span className="tree-row__main">
        <Link to={nodePath(node.urn)} className="tree-row__label">
          <LocalText text={node.label} mark="none" />
        </Link>
        {distinctTitle(node.label, node.title, lang) && (
          <span className="tree-row__title">
            <LocalText text={node.title} mark="compact" />
          </span>
        )}
        {node.requirement && <span className="req-badge">{t("library.requirement")}</span>}
        {node.appliesFrom && <span className="date-badge">{t("library.appliesFromShort", { date: day(node.appliesFrom) })}</span>}
        {node.actors?.map((a) => (
          <span key={a} className="chip chip--actor">
            {actorName(a)}
          </span>
        ))}
        <TagChips tags={node.tags} />
      </span>
    </li>
  );
});
