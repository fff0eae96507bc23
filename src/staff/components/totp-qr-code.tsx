import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { encode } from "uqr";

/**
 * The `otpauth://` address as a QR code for an authenticator app to scan, drawn as one SVG path
 * from uqr's module grid (no canvas, no HTML strings, nothing fetched). In the staff bundle only.
 */
export function TotpQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation("staff");
  const { size, path } = useMemo(() => {
    const qr = encode(uri, { ecc: "M", border: 4 });
    const parts: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return { size: qr.size, path: parts.join("") };
  }, [uri]);
  return (
    <svg className="staff-qr" role="img" aria-label={t("setup.qrLabel")} viewBox={`0 0 ${size} ${size}`} width="200" height="200" shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#0b0c0c" />
    </svg>
  );
}
