import { useState, type FormEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { TableScroll } from "../components/table-scroll";
import { LoadFailed, LoadingMessage, NotAllowed, useStaffTitle } from "../components/staff-layout";
import { staffApi } from "../lib/staff-api";
import { formatTime } from "../lib/staff-format";
import { useLoad } from "../lib/use-load";
import { Pagination } from "./inbox-page";

/** The retention job's counts (decision 020), in words: "1 complaint, 5 staff events, …". */
function deletedCounts(detail: string, t: TFunction<"staff">): string {
  let counts: Record<string, unknown>;
  try {
    counts = JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return detail;
  }
  const order = ["complaints", "staff_events", "escalations", "case_summaries"];
  const tables = [...order.filter((k) => k in counts), ...Object.keys(counts).filter((k) => !order.includes(k))];
  return tables.map((table) => t(`audit.deleted.${table}`, { count: Number(counts[table]), defaultValue: `${String(counts[table])} ${table}` })).join(", ");
}

/** Managers: who viewed, changed or exported what, and when; newest first. */
export function AuditPage() {
  const { t } = useTranslation("staff");
  const [params, setParams] = useSearchParams();
  const reference = params.get("reference") ?? "";
  const page = params.get("page") ?? "";
  const [audit, retry] = useLoad(() => staffApi.audit({ reference: reference || undefined, page: page || undefined }), `${reference}|${page}`);
  const [search, setSearch] = useState(reference);
  useStaffTitle(t("audit.title"));
  if (audit.status === "not-allowed") return <NotAllowed />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set("reference", search.trim());
    setParams(next);
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next.toString()}`;
  };
  return (
    <>
      <h1 className="heading-l">{t("audit.title")}</h1>
      <form className="staff-filters" role="search" aria-label={t("audit.searchLabel")} onSubmit={submit}>
        <div className="form-group">
          <label className="label" htmlFor="audit-reference">
            {t("audit.reference")}
          </label>
          <input
            id="audit-reference"
            className="input input--medium"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t("audit.search")}
        </button>
      </form>
      {audit.status === "loading" ? <LoadingMessage /> : null}
      {audit.status === "error" || audit.status === "not-found" ? <LoadFailed retry={retry} /> : null}
      {audit.status === "ready" && audit.data.items.length === 0 ? (
        <p className="body" role="status">
          {t("audit.empty")}
        </p>
      ) : null}
      {audit.status === "ready" && audit.data.items.length > 0 ? (
        <>
          <TableScroll label={t("audit.caption")}>
            <table className="staff-table">
              <caption className="visually-hidden">{t("audit.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.columns.at")}</th>
                  <th scope="col">{t("audit.columns.who")}</th>
                  <th scope="col">{t("audit.columns.action")}</th>
                  <th scope="col">{t("audit.columns.reference")}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((item, index) => (
                  <tr key={`${item.at}-${index}`}>
                    <td>{formatTime(item.at)}</td>
                    <td>{item.staff ? item.staff.email : t("audit.system")}</td>
                    <td>
                      {t(`audit.actions.${item.action}`, { defaultValue: item.action })}
                      {item.detail
                        ? `: ${item.action === "retention-delete" ? deletedCounts(item.detail, t) : t(`events.types.${item.detail}`, { defaultValue: item.detail })}`
                        : ""}
                    </td>
                    <td>{item.reference ? <Link to={`/complaints/${item.reference}`}>{item.reference}</Link> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} link={pageLink} />
        </>
      ) : null}
    </>
  );
}
