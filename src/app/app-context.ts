import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrate } from "../db/migrator.js";
import { DeliveryPlanner } from "../delivery/delivery-planner.js";
import { DeliveryService } from "../delivery/delivery-service.js";
import { DeliverySweeper } from "../delivery/delivery-sweeper.js";
import { type Mailer, OutboxMailer, SmtpMailer } from "../delivery/mailer.js";
import { messageIdDomain } from "../delivery/message-headers.js";
import { DigestRenderer } from "../digests/digest-renderer.js";
import { EditionComposer } from "../digests/edition-composer.js";
import { IngestionService } from "../ingestion/ingestion-service.js";
import { PaperRepository } from "../ingestion/paper-repository.js";
import { type Clock, systemClock } from "../lib/clock.js";
import { Links } from "../lib/links.js";
import { createLogger, type Logger } from "../lib/logger.js";
import { TokenSigner } from "../lib/tokens.js";
import { Queues } from "../queue/queues.js";
import { connectRedis } from "../queue/redis-connection.js";
import { RedisRunLock } from "../queue/redis-run-lock.js";
import { CandidateRepository } from "../ranking/candidate-repository.js";
import { LifecycleMailer } from "../subscriptions/lifecycle-mailer.js";
import { SubscriptionService } from "../subscriptions/subscription-service.js";
import { TopicClassifier } from "../topics/topic-classifier.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface AppContextOptions {
  logger?: Logger;
  clock?: Clock;
  /** Connect to Redis (queues); commands that only touch the database skip it. */
  redis?: boolean;
  /** Apply pending migrations on start (default true: one command from clone to running). */
  migrate?: boolean;
  /** A mailer to use instead of the configured one (tests, benchmarks). */
  mailer?: Mailer;
}

/**
 * Builds every service from Config, in dependency order, and closes them in
 * reverse. Entry points (CLI commands, the server, workers) start here.
 */
export class AppContext {
  readonly links: Links;
  readonly signer: TokenSigner;
  readonly mailer: Mailer;
  readonly classifier = new TopicClassifier();
  readonly subscriptions: SubscriptionService;
  readonly delivery: DeliveryService;
  readonly planner: DeliveryPlanner;
  private sweeperInstance: DeliverySweeper | undefined;
  /** This process runs send workers (the worker role): its planner warms their composer. */
  private sendsHere = false;
  readonly composer: EditionComposer;
  readonly lifecycleMail: LifecycleMailer;
  readonly ingestion: IngestionService;
  readonly candidates: CandidateRepository;
  private readonly closers: (() => Promise<void>)[] = [];

  private constructor(
    readonly config: Config,
    readonly logger: Logger,
    readonly clock: Clock,
    readonly db: Database,
    private readonly redisConnection: Redis | undefined,
    private readonly queueSet: Queues | undefined,
    readonly renderer: DigestRenderer,
    mailer: Mailer,
  ) {
    const prisma = db.prisma;
    const messageDomain = messageIdDomain(config.mail.from);
    const sender = { from: config.mail.from, listId: config.mail.listId };
    this.mailer = mailer;
    this.signer = new TokenSigner({ keys: config.secrets.keys, now: () => clock.now() });
    this.links = new Links(this.signer, {
      publicUrl: config.web.publicUrl,
      confirmTtlHours: config.subscriptions.confirmTtlHours,
      now: () => clock.now(),
    });
    this.candidates = new CandidateRepository(db);
    this.composer = new EditionComposer({
      candidates: this.candidates,
      renderer,
      links: this.links,
      settings: {
        ranking: { ...config.ranking, alsoTrendingSize: 3 },
        postalAddress: config.mail.postalAddress,
      },
    });
    this.subscriptions = new SubscriptionService({
      prisma,
      clock,
      logger,
      notifier: {
        notify: async (kind, readerId) => {
          const bucket = kind === "confirm" ? String(Math.floor(clock.now().getTime() / 3_600_000)) : "once";
          await this.queues.enqueueMail({ kind, readerId }, bucket);
        },
      },
    });
    this.delivery = new DeliveryService({
      db,
      mailer,
      composer: this.composer,
      links: this.links,
      clock,
      logger,
      settings: { ...sender, unsubscribeMailto: config.mail.unsubscribeMailto },
    });
    this.planner = new DeliveryPlanner({
      prisma,
      logger,
      messageDomain,
      queue: { enqueueDeliveries: (ids) => this.queues.enqueueDeliveries(ids) },
      // Only where this process sends: after a plain `send` nothing here would use it.
      onEdition: (date, now) => {
        if (this.sendsHere) this.composer.warm(date, now);
      },
    });
    this.lifecycleMail = new LifecycleMailer({
      prisma,
      mailer,
      renderer,
      links: this.links,
      clock,
      logger,
      settings: { ...sender, messageDomain, confirmTtlHours: config.subscriptions.confirmTtlHours },
    });
    this.ingestion = new IngestionService({
      prisma,
      papers: new PaperRepository(prisma),
      classifier: this.classifier,
      clock,
      logger,
      lock: redisConnection ? new RedisRunLock(redisConnection, config.redis.prefix) : undefined,
    });
  }

  static async create(config: Config, options: AppContextOptions = {}): Promise<AppContext> {
    const logger = options.logger ?? createLogger({ level: config.logLevel });
    const clock = options.clock ?? systemClock;
    let redis: Redis | undefined;
    let queues: Queues | undefined;
    if (options.redis !== false) {
      redis = await connectRedis(config.redis.url);
      queues = new Queues(redis, {
        prefix: config.redis.prefix,
        sendAttempts: config.delivery.attempts,
        sendBackoffMs: config.delivery.backoffMs,
      });
    }
    let db: Database;
    try {
      db = await openDatabase({ url: config.database.url, embeddedDir: config.database.embeddedDir });
      if (options.migrate !== false) await migrate(db, MIGRATIONS_DIR);
    } catch (error) {
      await queues?.close();
      redis?.disconnect();
      throw error;
    }
    const renderer = await DigestRenderer.create();
    const mailer =
      options.mailer ??
      (config.smtp.url
        ? new SmtpMailer({ url: config.smtp.url, poolSize: config.smtp.poolSize, dkim: config.mail.dkim })
        : new OutboxMailer(config.smtp.outboxDir));
    const context = new AppContext(config, logger, clock, db, redis, queues, renderer, mailer);
    context.closers.push(
      () => mailer.close(),
      async () => {
        await queues?.close();
        await redis?.quit().catch(() => redis?.disconnect());
      },
      () => db.close(),
    );
    return context;
  }

  get redis(): Redis {
    if (!this.redisConnection) throw new Error("this command runs without Redis");
    return this.redisConnection;
  }

  get sweeper(): DeliverySweeper {
    this.sweeperInstance ??= new DeliverySweeper({
      prisma: this.db.prisma,
      logger: this.logger,
      queue: this.queues.send,
      staleAfterMs: this.config.delivery.staleAfterMs,
    });
    return this.sweeperInstance;
  }

  get queues(): Queues {
    if (!this.queueSet) throw new Error("this command runs without Redis");
    return this.queueSet;
  }

  /** Called by the worker role: deliveries planned in this process are also sent from it. */
  markSending(): void {
    this.sendsHere = true;
  }

  /** Registers something to close before the context's own resources. */
  onClose(fn: () => Promise<void>): void {
    this.closers.unshift(fn);
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0)) {
      await close().catch((error) => this.logger.warn({ err: String(error) }, "error while closing"));
    }
  }
}
