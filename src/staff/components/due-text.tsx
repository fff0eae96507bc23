import { useTranslation } from "react-i18next";
import type { NextDue } from "../lib/staff-api";
import { formatDay } from "../lib/staff-format";

/** The next due date in words, with Overdue or Due soon written out (never shown by colour alone). */
export function DueText({ nextDue, overdue, dueSoon }: { nextDue: NextDue | null; overdue: boolean; dueSoon: boolean }) {
  const { t } = useTranslation("staff");
  if (!nextDue) return <>{t("due.nothing")}</>;
  return (
    <>
      {overdue ? <strong className="staff-tag staff-tag--overdue">{t("due.overdue")}</strong> : null}
      {!overdue && dueSoon ? <strong className="staff-tag staff-tag--soon">{t("due.soon")}</strong> : null}{" "}
      <span>{t("due.what", { what: t(`due.kinds.${nextDue.what}`), date: formatDay(nextDue.date) })}</span>
    </>
  );
}

export function ItemTags({ isNew, saysInDanger = false }: { isNew: boolean; saysInDanger?: boolean }) {
  const { t } = useTranslation("staff");
  return (
    <>
      {saysInDanger ? (
        <>
          {" "}
          <strong className="staff-tag staff-tag--danger">{t("inbox.danger")}</strong>
        </>
      ) : null}
      {isNew ? (
        <>
          {" "}
          <strong className="staff-tag staff-tag--new">{t("inbox.new")}</strong>
        </>
      ) : null}
    </>
  );
}
