import { useState } from "react";
import { tokensApi } from "../../api/endpoints.ts";
import type { TokenView } from "../../api/types.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CreateTokenDialog } from "./CreateTokenDialog.tsx";
import { TokenStatus } from "./TokenStatus.tsx";

type RevokedFilter = "" | "true" | "false";
const INITIAL = { limit: 25, offset: 0, sort: "-createdAt", q: "", revoked: "" as RevokedFilter };

/** API tokens: never their secrets, only prefix, role and lifetime; issue and revoke for admins. */
export function TokensPage() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const manage = useSignedIn().can("tokens.manage");
  const [query, setQuery] = useState(INITIAL);
  const list = usePagedList(tokensApi.list, { ...query, revoked: query.revoked || undefined });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenView>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const set = (patch: Partial<typeof INITIAL>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const cols = manage ? 7 : 6;

  const revoke = async (token: TokenView) => {
    const revoked = await tokensApi.revoke(token.id);
    list.replaceItem((x) => x.id === token.id, revoked);
    setNotice({ kind: "success", text: (i) => i.t("tokens.revoked", { name: token.name }) });
  };

  return (
    <div data-testid="page-tokens">
      <PageHeader
        title={t("tokens.title")}
        subtitle={t("tokens.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="create-token">
              {t("tokens.create")}
            </button>
          )
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)}>
          {notice.text(i18n)}
        </Notice>
      )}
      <div className="toolbar">
        <SearchBox value={query.q} label={t("tokens.search")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("tokens.filter.status")} value={query.revoked} onChange={(e) => set({ revoked: e.target.value as RevokedFilter })}>
          <option value="">{t("tokens.filter.any")}</option>
          <option value="false">{t("tokens.filter.active")}</option>
          <option value="true">{t("tokens.filter.revoked")}</option>
        </select>
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading}>
          <thead>
            <tr>
              <SortHeader label={t("tokens.col.name")} field="name" sort={query.sort} onSort={(sort) => set({ sort })} />
              <th scope="col">{t("tokens.col.role")}</th>
              <th scope="col">{t("tokens.col.prefix")}</th>
              <SortHeader label={t("tokens.col.created")} field="createdAt" sort={query.sort} onSort={(sort) => set({ sort })} />
              <th scope="col">{t("tokens.col.expires")}</th>
              <th scope="col">{t("tokens.col.status")}</th>
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={cols}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={Boolean(query.q || query.revoked)}
              emptyMessage={t("tokens.empty")}
              onRetry={list.reload}
              onClearFilters={() => set({ q: "", revoked: "" })}
            />
            {!list.error &&
              list.page?.items.map((token) => (
                <tr key={token.id} data-testid={`token-row-${token.name}`} className={token.revokedAt ? "table__row--muted" : undefined}>
                  <td className="table__primary">{token.name}</td>
                  <td>
                    <span className={`role-badge role-badge--${token.role}`}>{t(`role.${token.role}`)}</span>
                    {token.effectiveRole !== token.role && (
                      <span className="table__note" data-testid={`token-limited-${token.name}`}>
                        {t("tokens.limitedTo", { role: t(`role.${token.effectiveRole}`) })}
                      </span>
                    )}
                  </td>
                  <td className="table__mono">{`${token.prefix}…`}</td>
                  <td className="table__nowrap">{dateTime(token.createdAt)}</td>
                  <td className="table__nowrap">{token.expiresAt ? dateTime(token.expiresAt) : t("tokens.never")}</td>
                  <td>
                    <TokenStatus token={token} />
                  </td>
                  {manage && (
                    <td className="table__actions">
                      {!token.revokedAt && (
                        <button type="button" className="button button--small button--danger-outline" onClick={() => setRevoking(token)}>
                          {t("tokens.revoke")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} onCreated={() => list.reload()} />}
      {revoking && (
        <ConfirmDialog
          title={t("tokens.revoke")}
          message={t("tokens.confirmRevoke", { name: revoking.name })}
          confirmLabel={t("tokens.revoke")}
          danger
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(undefined)}
        />
      )}
    </div>
  );
}
