import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The security headers every response carries (HSTS, nosniff, CSP `frame-ancestors 'none'`,
 * ...), as helmet sets them, computed once at boot. They never vary per request, and the
 * Fastify plugin rebuilt helmet, CSP parsing included, for every request.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Scripts never inline and never from elsewhere. Styles may be inline: the web app's
        // component library (Mantine) and Swagger UI at /docs set theirs in style attributes
        // and <style> elements; a style cannot run code.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Fonts and images of our own only (the QR code of an authenticator is a data: URL
        // drawn in the page); nothing is fetched from another origin.
        fontSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    hsts: { maxAge: 31536000, includeSubDomains: true },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
