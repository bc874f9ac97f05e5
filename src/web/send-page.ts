import type { FastifyReply } from "fastify";

/** Sends a server-rendered page. */
export function sendPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(body);
}
