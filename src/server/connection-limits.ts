import type { Server } from "node:http";
import { rawResponse } from "./client-errors";

/**
 * Cap connections in total and from one address, so a few thousand slow clients cannot use up the
 * process's open files. Over the total, Node closes new connections at once; over one address's
 * share, the connection gets a 503 in the API's shape and is closed.
 */
export function limitConnections(server: Server, limits: { total: number; perAddress: number }): void {
  server.maxConnections = limits.total;
  if (limits.perAddress <= 0) return;
  const open = new Map<string, number>();
  server.on("connection", (socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.end(
        rawResponse(503, { error: "too-many-connections", message: "Too many connections from this address. Try again in a minute." }, { "Retry-After": "60" }),
      );
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
