# paperboy: one image for the web, worker and scheduler roles (the command picks the role).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY prisma ./prisma
COPY templates ./templates
COPY samples ./samples
USER node
EXPOSE 3000
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/paperboy.js"]
CMD ["start"]
