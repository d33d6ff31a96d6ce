# syntax=docker/dockerfile:1

# cifcc-site: Payload CMS + Next.js.
#
#   docker build -t cifcc-site .
#   docker run -p 3000:3000 -e PAYLOAD_SECRET=... -v cifcc-data:/app/data -v cifcc-media:/app/media cifcc-site
#
# Without DATABASE_URI the app uses the embedded SQLite file /app/data/production.db
# (committed migrations are applied on start); set DATABASE_URI=mongodb://... for MongoDB.
# Stages: base -> deps (all dependencies) -> dev (deps + source; used by the compose `test`
# service) -> build (next build, then dev dependencies pruned) -> runner (final image).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
RUN mkdir -p /app && chown node:node /app
WORKDIR /app
USER node

# ---------------------------------------------------------------------------------------
FROM base AS deps
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci

# ---------------------------------------------------------------------------------------
# Full dependencies + source, not built. `docker compose --profile test run --rm test`
# runs `npm test` in this stage.
FROM deps AS dev
COPY --chown=node:node . .
CMD ["npm", "test"]

# ---------------------------------------------------------------------------------------
FROM dev AS build
# NEXT_PUBLIC_* variables are inlined into the client bundle at build time.
ARG NEXT_PUBLIC_SERVER_URL=http://localhost:3000
ENV NEXT_PUBLIC_SERVER_URL=${NEXT_PUBLIC_SERVER_URL} \
    NODE_ENV=production
# Payload refuses to start without a secret; the build only needs a placeholder (the real
# secret is given at run time). Any SQLite file the build creates is discarded below.
RUN PAYLOAD_SECRET=docker-build-placeholder-secret npm run build \
 && rm -rf data media .next/cache \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------
FROM base AS runner
ARG NEXT_PUBLIC_SERVER_URL=http://localhost:3000
ENV NODE_ENV=production \
    NEXT_PUBLIC_SERVER_URL=${NEXT_PUBLIC_SERVER_URL} \
    PORT=3000
# The built app (.next, runtime node_modules) plus its source (payload.config.ts,
# collections/, src/, scripts/), so `npm run payload -- migrate:status` and `npm run seed`
# also work inside the container.
COPY --chown=node:node --from=build /app ./
# Writable by the `node` user; mount volumes here to keep the SQLite database and uploads.
RUN rm -rf node_modules/.cache \
 && mkdir -p /app/data /app/media
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "start"]
