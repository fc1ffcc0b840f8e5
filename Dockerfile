# syntax=docker/dockerfile:1
# The same steps as the README's `npm ci && npm start` (start = build, then run dist/main.js),
# split so the runtime image carries no dev dependencies and runs as a non-root user.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
# npm run build: builds what is missing or out of date (here, everything).
COPY scripts/build.ts ./scripts/
COPY src ./src
# The showroom web app (npm run build builds it too; served at / when SHOWROOM=true).
COPY examples/showroom ./examples/showroom
RUN npm run build && npm prune --omit=dev

# The example listings subgraph (README, "Join a supergraph"), for deploy/compose.yaml's `listings`:
# `docker build --target listings .`. A stage of its own, so the gateway's image stays as it was.
FROM node:22-bookworm-slim AS listings
ENV NODE_ENV=production LISTINGS_HOST=0.0.0.0 LISTINGS_PORT=4002
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY examples/dealer-listings ./examples/dealer-listings
USER node
EXPOSE 4002
CMD ["node_modules/.bin/tsx", "examples/dealer-listings/main.ts"]

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 FORECOURT_DATA_DIR=/app/.forecourt
# V8's old generation capped at 96 MB, so a 256 MiB container holds the gateway under load (the
# peer benchmark's peak RSS: 185-297 MB without it, 164-190 MB with it, at some throughput; see
# README, "Memory"). 80 MB cost Q3 a third and 64 MB thrashed; smaller young generations
# (--max-semi-space-size) cost Q1 15-25 % and saved no peak memory.
ENV NODE_OPTIONS="--max-old-space-size=96"
WORKDIR /app
# The embedded submission ledger lives here (use DATABASE_URL to share one between instances).
RUN mkdir -p /app/.forecourt && chown node:node /app/.forecourt
VOLUME /app/.forecourt
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The default trusted-documents manifest (TRUSTED_DOCUMENTS_PATH); mount your own in production.
COPY --chown=node:node examples/src/gql/persisted-documents.json ./examples/src/gql/
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
