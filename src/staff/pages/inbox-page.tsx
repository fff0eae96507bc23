import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { TableScroll } from "../components/table-scroll";
import { LoadFailed, LoadingMessage, useStaffTitle } from "../components/staff-layout";
import { DueText, ItemTags } from "../components/due-text";
import { complaintRoutes, complaintStates, staffApi, type InboxQuery } from "../lib/staff-api";
import { formatDay, languageName } from "../lib/staff-format";
import { useStaffSession } from "../lib/staff-session";
import { useLoad } from "../lib/use-load";

const FILTERS = ["stage", "state", "route", "overdue", "dueSoon", "q"] as const;

/** The filters in the address, so Back, a bookmark and a shared link keep them. */
function queryFrom(params: URLSearchParams): InboxQuery {
  const query: InboxQuery = {};
  for (const name of [...FILTERS, "page"] as const) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

/**
 * Managers: whether closed complaints are ever deleted (decision 020). Until the council's
 * settings say how long to keep them, nothing is deleted, and this says so plainly.
 */
function RetentionNotice() {
  const { t } = useTranslation("staff");
  const { session } = useStaffSession();
  if (session?.staff.role !== "manager") return null;
  const retention = session.retention;
  return (
    <div className={retention === null ? "warning-text" : "inset"} role="note" data-testid="retention-notice">
      <p className="body">{retention === null ? t("inbox.retention.notSet") : t(`inbox.retention.set.${retention.unit}`, { count: retention.value })}</p>
    </div>
  );
}

/** The council's complaints, anyone who may be in danger first, then newest first: filters, search by reference, and pages of 25. */
export function InboxPage() {
  const { t } = useTranslation("staff");
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const key = JSON.stringify(query);
  const [inbox, retry] = useLoad(() => staffApi.inbox(query), key);
  const [draft, setDraft] = useState<InboxQuery>(query);
  const [lastKey, setLastKey] = useState(key);
  if (lastKey !== key) {
    setLastKey(key);
    setDraft(query);
  }
  useStaffTitle(t("inbox.title"));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = draft[name]?.trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };
  const set = (name: (typeof FILTERS)[number], value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const filtered = FILTERS.some((name) => query[name]);

  return (
    <>
      <h1 className="heading-l">{t("inbox.title")}</h1>
      <RetentionNotice />
      <form className="staff-filters" role="search" aria-label={t("inbox.filters.label")} onSubmit={apply}>
        <div className="staff-filters__row">
          <div className="form-group">
            <label className="label" htmlFor="filter-q">
              {t("inbox.filters.q")}
            </label>
            <div id="filter-q-hint" className="hint">
              {t("inbox.filters.qHint")}
            </div>
            <input
              id="filter-q"
              className="input input--medium"
              aria-describedby="filter-q-hint"
              autoComplete="off"
              spellCheck={false}
              value={draft.q ?? ""}
              onChange={(event) => set("q", event.target.value)}
            />
          </div>
          <div className="form-group">
            <label className="label" htmlFor="filter-stage">
              {t("inbox.filters.stage")}
            </label>
            <select id="filter-stage" className="select" value={draft.stage ?? ""} onChange={(event) => set("stage", event.target.value)}>
              <option value="">{t("inbox.filters.any")}</option>
              {["1", "2", "3"].map((stage) => (
                <option key={stage} value={stage}>
                  {t("stageN", { stage })}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="label" htmlFor="filter-state">
              {t("inbox.filters.state")}
            </label>
            <select id="filter-state" className="select" value={draft.state ?? ""} onChange={(event) => set("state", event.target.value)}>
              <option value="">{t("inbox.filters.any")}</option>
              {complaintStates.map((state) => (
                <option key={state} value={state}>
                  {t(`states.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="label" htmlFor="filter-route">
              {t("inbox.filters.route")}
            </label>
            <select id="filter-route" className="select" value={draft.route ?? ""} onChange={(event) => set("route", event.target.value)}>
              <option value="">{t("inbox.filters.any")}</option>
              {complaintRoutes.map((route) => (
                <option key={route} value={route}>
                  {t(`routes.${route}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="fieldset staff-filters__row">
          <legend className="fieldset__legend">{t("inbox.filters.due")}</legend>
          <div className="choices choices--checkboxes staff-filters__checks">
            <div className="choices__item">
              <input
                id="filter-overdue"
                type="checkbox"
                className="choices__input"
                checked={draft.overdue === "true"}
                onChange={(event) => set("overdue", event.target.checked ? "true" : "")}
              />
              <label className="choices__label" htmlFor="filter-overdue">
                {t("inbox.filters.overdue")}
              </label>
            </div>
            <div className="choices__item">
              <input
                id="filter-due-soon"
                type="checkbox"
                className="choices__input"
                checked={draft.dueSoon === "true"}
                onChange={(event) => set("dueSoon", event.target.checked ? "true" : "")}
              />
              <label className="choices__label" htmlFor="filter-due-soon">
                {t("inbox.filters.dueSoon")}
              </label>
            </div>
          </div>
        </fieldset>
        <div className="button-group">
          <button type="submit" className="button">
            {t("inbox.filters.apply")}
          </button>
          {filtered ? <Link to="/">{t("inbox.filters.clear")}</Link> : null}
        </div>
      </form>

      {inbox.status === "loading" ? <LoadingMessage /> : null}
      {inbox.status === "error" || inbox.status === "not-found" || inbox.status === "not-allowed" ? <LoadFailed retry={retry} /> : null}
      {inbox.status === "ready" && inbox.data.items.length === 0 ? (
        <p className="body" role="status">
          {filtered ? t("inbox.emptyFiltered") : t("inbox.empty")}
        </p>
      ) : null}
      {inbox.status === "ready" && inbox.data.items.length > 0 ? (
        <>
          <p className="body" role="status">
            {t("inbox.count", { count: inbox.data.total })}
          </p>
          <TableScroll label={t("inbox.caption")}>
            <table className="staff-table">
              <caption className="visually-hidden">{t("inbox.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("inbox.columns.reference")}</th>
                  <th scope="col">{t("inbox.columns.received")}</th>
                  <th scope="col">{t("inbox.columns.who")}</th>
                  <th scope="col">{t("inbox.columns.language")}</th>
                  <th scope="col">{t("inbox.columns.route")}</th>
                  <th scope="col">{t("inbox.columns.stage")}</th>
                  <th scope="col">{t("inbox.columns.state")}</th>
                  <th scope="col">{t("inbox.columns.nextDue")}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.data.items.map((item) => (
                  <tr key={item.reference} className={item.overdue ? "staff-table__row--overdue" : undefined}>
                    <th scope="row">
                      <Link to={`/complaints/${item.reference}`} className="staff-reference">
                        {item.reference}
                      </Link>
                      <ItemTags isNew={item.isNew} saysInDanger={item.saysInDanger} />
                    </th>
                    <td>{formatDay(item.receivedOn)}</td>
                    <td>{item.role ? t(`roles.${item.role}`, { defaultValue: item.role }) : t("roles.unknown")}</td>
                    <td>{item.language ? languageName(item.language) : t("inbox.languageNotRecorded")}</td>
                    <td>{t(`routes.${item.route}`)}</td>
                    <td>{t("stageN", { stage: item.stage })}</td>
                    <td>{t(`states.${item.state}`)}</td>
                    <td>
                      <DueText nextDue={item.nextDue} overdue={item.overdue} dueSoon={item.dueSoon} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={inbox.data.page} pageSize={inbox.data.pageSize} total={inbox.data.total} link={pageLink} />
        </>
      ) : null}
    </>
  );
}

/** GOV.UK pagination: Previous and Next, and which page this is. */
export function Pagination({ page, pageSize, total, link }: { page: number; pageSize: number; total: number; link: (page: number) => string }) {
  const { t } = useTranslation("staff");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="staff-pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={link(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span>{t("pagination.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link to={link(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
