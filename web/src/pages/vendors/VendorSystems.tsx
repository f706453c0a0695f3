import type { VendorView } from "../../api/vendors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";

/** The AI systems that depend on a vendor, linked to their pages. */
export function VendorSystems({ vendor }: { vendor: VendorView }) {
  const { t, lang, label } = useI18n();
  return (
    <section className="card" aria-labelledby="vendor-systems-title" data-testid="vendor-systems">
      <h2 id="vendor-systems-title" className="card__title">
        {t("vendors.systems.title")}
      </h2>
      {vendor.systems.length === 0 ? (
        <p className="muted">{t("vendors.systems.none")}</p>
      ) : (
        <ul className="stack-list">
          {vendor.systems.map((s) => (
            <li key={s.id} data-testid="vendor-system">
              <Link to={`/systems/${encodeURIComponent(s.id)}`}>
                <span className="table__mono">{s.code}</span> {lang === "ja" ? s.nameJa : s.nameEn}
              </Link>
              <span className="muted vendor-systems__lifecycle">{label("systems.lifecycle.", s.lifecycle)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
