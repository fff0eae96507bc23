import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, type Delivery } from "../lib/staff-api";
import { formatTime } from "../lib/staff-format";
import { TableScroll } from "./table-scroll";

/**
 * The case's notifications (issue 13): each email and webhook, how it is going, and a button to
 * send it again (a failed one, or one the team says never arrived).
 */
export function Deliveries({ reference, initial }: { reference: string; initial: Delivery[] }) {
  const { t } = useTranslation("staff");
  const [deliveries, setDeliveries] = useState(initial);
  const [message, setMessage] = useState<{ id: string; text: string } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  async function resend(delivery: Delivery) {
    setBusy(delivery.id);
    setMessage(undefined);
    try {
      const { delivery: updated } = await staffApi.resendDelivery(reference, delivery.id);
      setDeliveries((all) => all.map((d) => (d.id === updated.id ? updated : d)));
      setMessage({ id: delivery.id, text: t("case.deliveries.resent") });
    } catch (error) {
      const sending = (error as { status?: number }).status === 409;
      setMessage({ id: delivery.id, text: t(sending ? "case.deliveries.busy" : "case.deliveries.resendFailed") });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="deliveries">
      <h2 className="heading-m" id="deliveries">
        {t("case.deliveries.title")}
      </h2>
      {deliveries.length === 0 ? (
        <p className="body">{t("case.deliveries.none")}</p>
      ) : (
        <TableScroll label={t("case.deliveries.caption")}>
          <table className="staff-table">
            <caption className="visually-hidden">{t("case.deliveries.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("case.deliveries.columns.to")}</th>
                <th scope="col">{t("case.deliveries.columns.state")}</th>
                <th scope="col">{t("case.deliveries.columns.attempts")}</th>
                <th scope="col">{t("case.deliveries.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    {t(`case.deliveries.kinds.${d.kind}`)}: <span className="staff-break">{d.receiver}</span>
                    {d.event === "escalation.received" ? <span className="muted"> ({t("case.deliveries.escalation")})</span> : null}
                  </td>
                  <td>
                    {t(`case.deliveries.states.${d.state}`)}
                    {d.error ? <span className="muted"> ({t("case.deliveries.lastError", { reason: d.error })})</span> : null}
                  </td>
                  <td>
                    {d.attempts}
                    {d.lastAttemptAt ? <span className="muted"> · {t("case.deliveries.last", { time: formatTime(d.lastAttemptAt) })}</span> : null}
                    {d.nextAttemptAt ? <span className="muted"> · {t("case.deliveries.next", { time: formatTime(d.nextAttemptAt) })}</span> : null}
                  </td>
                  <td>
                    <button type="button" className="button button--secondary" disabled={busy === d.id || d.state === "sending"} onClick={() => void resend(d)}>
                      {t("case.deliveries.resend")} <span className="visually-hidden">{d.receiver}</span>
                    </button>
                    {message?.id === d.id ? (
                      <p className="body" role="status">
                        {message.text}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
