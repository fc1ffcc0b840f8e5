import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The showroom's build: `npm run build` writes it to dist/showroom, which the gateway serves at
 * `/` (SHOWROOM). `npx vite examples/showroom` serves it with hot reload, proxying the API to a
 * gateway on :4000.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../../dist/showroom", import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/graphql": { target: "http://127.0.0.1:4000", ws: true },
      "/results": "http://127.0.0.1:4000",
    },
  },
  logLevel: "warn",
});
