import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorSummary } from "../../app/components/error-summary";
import { isIsoDate } from "../../domain/calendar";
import { TableScroll } from "../components/table-scroll";
import { LoadFailed, LoadingMessage, NotAllowed, useStaffTitle } from "../components/staff-layout";
import { downloadUrl, staffApi, type ReportAnswer } from "../lib/staff-api";
import { useLoad } from "../lib/use-load";

/*
 * Managers: exports and the annual report for a date range (issue 13; decision 019). The range
 * lives in the address (?from=…&to=…), so a report can be bookmarked and printed.
 */

type Parts = { day: string; month: string; year: string };
const emptyParts: Parts = { day: "", month: "", year: "" };

function partsOf(iso: string | null): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? { year: m[1] ?? "", month: String(Number(m[2])), day: String(Number(m[3])) } : emptyParts;
}

function isoOf(p: Parts): string | undefined {
  if (!/^\d{1,2}$/.test(p.day.trim()) || !/^\d{1,2}$/.test(p.month.trim()) || !/^\d{4}$/.test(p.year.trim())) return undefined;
  const iso = `${p.year.trim()}-${p.month.trim().padStart(2, "0")}-${p.day.trim().padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

function DateInput({
  id,
  legend,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  value: Parts;
  error?: string | undefined;
  onChange: (p: Parts) => void;
}) {
  const { t } = useTranslation("staff");
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="fieldset__legend">{legend}</legend>
        <div id={`${id}-hint`} className="hint">
          {t("reports.dateHint")}
        </div>
        {error ? (
          <p id={`${id}-error`} className="error-message">
            <span className="visually-hidden">{t("reports.errorPrefix")}</span> {error}
          </p>
        ) : null}
        <div className="staff-date-input" id={id}>
          {(["day", "month", "year"] as const).map((part) => (
            <div key={part} className="staff-date-input__item">
              <label className="label" htmlFor={`${id}-${part}`}>
                {t(`reports.${part}`)}
              </label>
              <input
                id={`${id}-${part}`}
                className={`input staff-date-input__${part}${error ? " input--error" : ""}`}
                inputMode="numeric"
                autoComplete="off"
                value={value[part]}
                onChange={(event) => onChange({ ...value, [part]: event.target.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The range form shared by both pages; on a good range it writes ?from=&to= into the address. */
function RangeForm({ submitLabel }: { submitLabel: string }) {
  const { t } = useTranslation("staff");
  const [params, setParams] = useSearchParams();
  const [from, setFrom] = useState(partsOf(params.get("from")));
  const [to, setTo] = useState(partsOf(params.get("to")));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const f = isoOf(from);
    const tt = isoOf(to);
    const found: Record<string, string> = {};
    if (!f) found["from-day"] = t("reports.errors.from");
    if (!tt) found["to-day"] = t("reports.errors.to");
    if (f && tt && tt < f) found["to-day"] = t("problems.rangeReversed");
    setErrors(found);
    setAttempt((n) => n + 1);
    if (f && tt && Object.keys(found).length === 0) setParams({ from: f, to: tt });
  };
  return (
    <>
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }))} attempt={attempt} />
      <form noValidate onSubmit={submit} className="staff-no-print">
        <DateInput id="from" legend={t("reports.from")} value={from} error={errors["from-day"]} onChange={setFrom} />
        <DateInput id="to" legend={t("reports.to")} value={to} error={errors["to-day"]} onChange={setTo} />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </form>
    </>
  );
}

function rangeFromAddress(params: URLSearchParams): { from: string; to: string } | undefined {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return isIsoDate(from) && isIsoDate(to) && to >= from ? { from, to } : undefined;
}

export function ExportsPage() {
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  const range = rangeFromAddress(params);
  useStaffTitle(t("exports.title"));
  return (
    <>
      <h1 className="heading-l">{t("exports.title")}</h1>
      <p className="body">{t("exports.intro")}</p>
      <RangeForm submitLabel={t("exports.submit")} />
      {range ? (
        <section aria-labelledby="downloads">
          <h2 className="heading-m" id="downloads">
            {t("exports.downloads", { from: range.from, to: range.to })}
          </h2>
          <ul className="list">
            {(["complaints", "events"] as const).flatMap((what) =>
              (["csv", "json"] as const).map((format) => (
                <li key={`${what}-${format}`}>
                  <a href={downloadUrl(what, range, format)} download>
                    {t(`exports.${what}`)} ({t(`exports.formats.${format}`)})
                  </a>
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A simple bar chart: decoration only; the table above it is the text alternative. */
function Bars({ rows }: { rows: Array<[string, number]> }) {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const rowHeight = 22;
  return (
    <svg
      className="staff-chart"
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 300 ${rows.length * rowHeight}`}
      width="100%"
      height={rows.length * rowHeight}
      preserveAspectRatio="none"
    >
      {rows.map(([label, n], i) => (
        <rect key={label} x={0} y={i * rowHeight + 4} width={(n / max) * 300} height={rowHeight - 8} className="staff-chart__bar" />
      ))}
    </svg>
  );
}

function CountTable({ id, caption, rows, label }: { id: string; caption: string; rows: Array<[string, number]>; label: (key: string) => string }) {
  const { t } = useTranslation("staff");
  return (
    <section className="staff-report-section" aria-labelledby={id}>
      <h2 className="heading-m" id={id}>
        {caption}
      </h2>
      <TableScroll label={caption}>
        <table className="staff-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.columns.what")}</th>
              <th scope="col" className="staff-table__number">
                {t("report.columns.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td className="staff-table__number">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Bars rows={rows} />
    </section>
  );
}

function ReportTables({ data }: { data: ReportAnswer }) {
  const { t } = useTranslation("staff");
  const r = data.report;
  const entries = (o: Record<string, number>) => Object.entries(o);
  const words = (prefix: string) => (key: string) => t(`${prefix}.${key}`, { defaultValue: key });
  return (
    <>
      <p className="body">
        <a href={downloadUrl("report", data, "csv")} download className="staff-no-print">
          {t("report.downloadCsv")}
        </a>
      </p>
      <p className="body">{t("report.total", { count: r.total })}</p>
      <CountTable id="r-stages" caption={t("report.sections.stages")} rows={entries(r.stages)} label={(k) => t("report.stage", { stage: k })} />
      <CountTable id="r-who" caption={t("report.sections.who")} rows={entries(r.who)} label={words("report.who")} />
      <CountTable id="r-about" caption={t("report.sections.about")} rows={entries(r.about)} label={words("report.about")} />
      <CountTable id="r-route" caption={t("report.sections.route")} rows={entries(r.route)} label={words("report.route")} />
      {(["1", "2", "3"] as const).map((s) => (
        <CountTable
          key={s}
          id={`r-outcomes-${s}`}
          caption={t("report.sections.outcomes", { stage: s })}
          rows={entries(r.outcomes[s] ?? {}).filter(([k]) => k !== "not-said")}
          label={words("report.outcome")}
        />
      ))}
      {(["1", "2", "3"] as const).map((s) => (
        <CountTable
          key={s}
          id={`r-timescales-${s}`}
          caption={t("report.sections.timescales", { stage: s })}
          rows={entries(r.timescales[s] ?? {})}
          label={words("report.timescale")}
        />
      ))}
      <CountTable
        id="r-stage-3-steps"
        caption={t("report.sections.stage3Steps")}
        rows={(["panel", "panelReport", "finalResponse"] as const).flatMap((step): Array<[string, number]> => [
          [`${step}OnTime`, r.stage3Steps[step].onTime],
          [`${step}Late`, r.stage3Steps[step].late],
        ])}
        label={words("report.stage3Step")}
      />
      <CountTable
        id="r-other"
        caption={t("report.sections.other")}
        rows={[
          ["advocacyOffered", r.advocacy.offered],
          ["advocacyTaken", r.advocacy.taken],
          ["advocacyAlreadyHad", r.advocacy.alreadyHad],
          ["movedOtherProcedure", r.moved.otherProcedure],
          ["movedOtherOrganisation", r.moved.otherOrganisation],
          ["withdrawn", r.withdrawn],
          ["ombudsman", r.ombudsman],
        ]}
        label={words("report.other")}
      />
    </>
  );
}

export function AnnualReportPage() {
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  const range = rangeFromAddress(params);
  const [loaded, retry] = useLoad(() => (range ? staffApi.report(range) : Promise.resolve(undefined)), range ? `${range.from}|${range.to}` : "");
  useStaffTitle(t("report.title"));
  if (loaded.status === "not-allowed") return <NotAllowed />;
  return (
    <>
      <h1 className="heading-l">{t("report.title")}</h1>
      <p className="body staff-no-print">{t("report.intro")}</p>
      <RangeForm submitLabel={t("report.submit")} />
      {range ? (
        <>
          <h2 className="heading-m">{t("report.for", { from: range.from, to: range.to })}</h2>
          {loaded.status === "loading" ? <LoadingMessage /> : null}
          {loaded.status === "error" || loaded.status === "not-found" ? <LoadFailed retry={retry} /> : null}
          {loaded.status === "ready" && loaded.data && loaded.data.report.total === 0 ? (
            <p className="body" role="status">
              {t("report.empty")}
            </p>
          ) : null}
          {loaded.status === "ready" && loaded.data && loaded.data.report.total > 0 ? <ReportTables data={loaded.data} /> : null}
        </>
      ) : null}
    </>
  );
}
