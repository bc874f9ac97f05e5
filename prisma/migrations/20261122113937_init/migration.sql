-- CreateEnum
CREATE TYPE "ReaderStatus" AS ENUM ('pending', 'active', 'paused', 'unsubscribed', 'bounced');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('daily', 'weekly');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('planned', 'sending', 'sent', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "readers" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" "ReaderStatus" NOT NULL DEFAULT 'pending',
    "topics" TEXT[],
    "keywords" TEXT[],
    "frequency" "Frequency" NOT NULL DEFAULT 'daily',
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "send_hour" INTEGER NOT NULL DEFAULT 7,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "relevance_weight" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "also_trending" BOOLEAN NOT NULL DEFAULT true,
    "feedback_weights" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "paused_at" TIMESTAMP(3),
    "unsubscribed_at" TIMESTAMP(3),
    "confirmation_sent_at" TIMESTAMP(3),

    CONSTRAINT "readers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "papers" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "arxiv_id" TEXT,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "authors" TEXT[],
    "author_count" INTEGER,
    "published_at" TIMESTAMP(3),
    "featured_at" TIMESTAMP(3),
    "url" TEXT,
    "pdf_url" TEXT,
    "upvotes" INTEGER,
    "comments" INTEGER,
    "github_repo" TEXT,
    "github_stars" INTEGER,
    "project_page" TEXT,
    "thumbnail" TEXT,
    "summary" TEXT,
    "keywords" TEXT[],
    "categories" TEXT[],
    "organization" TEXT,
    "submitter" TEXT,
    "sources" TEXT[],
    "topics" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "papers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_topics" (
    "paper_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "paper_topics_pkey" PRIMARY KEY ("paper_id","topic")
);

-- CreateTable
CREATE TABLE "upvote_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "paper_id" TEXT NOT NULL,
    "upvotes" INTEGER NOT NULL,
    "comments" INTEGER,
    "source" TEXT NOT NULL,
    "taken_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upvote_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_states" (
    "key" TEXT NOT NULL,
    "etag" TEXT,
    "last_modified" TEXT,
    "cursor" JSONB,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "source_states_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "editions" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL,
    "edition_id" TEXT NOT NULL,
    "reader_id" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'planned',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "message_id" TEXT NOT NULL,
    "subject" TEXT,
    "last_error" TEXT,
    "smtp_code" INTEGER,
    "paper_ids" TEXT[],
    "planned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sending_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "failed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sent_papers" (
    "reader_id" TEXT NOT NULL,
    "paper_id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sent_papers_pkey" PRIMARY KEY ("reader_id","paper_id")
);

-- CreateTable
CREATE TABLE "suppressions" (
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppressions_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "feedback_events" (
    "id" TEXT NOT NULL,
    "reader_id" TEXT NOT NULL,
    "paper_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "readers_email_key" ON "readers"("email");

-- CreateIndex
CREATE INDEX "readers_status_idx" ON "readers"("status");

-- CreateIndex
CREATE UNIQUE INDEX "papers_key_key" ON "papers"("key");

-- CreateIndex
CREATE UNIQUE INDEX "papers_arxiv_id_key" ON "papers"("arxiv_id");

-- CreateIndex
CREATE INDEX "papers_featured_at_idx" ON "papers"("featured_at");

-- CreateIndex
CREATE INDEX "papers_published_at_idx" ON "papers"("published_at");

-- CreateIndex
CREATE INDEX "paper_topics_topic_score_idx" ON "paper_topics"("topic", "score");

-- CreateIndex
CREATE INDEX "upvote_snapshots_paper_id_taken_at_idx" ON "upvote_snapshots"("paper_id", "taken_at");

-- CreateIndex
CREATE INDEX "ingest_runs_source_started_at_idx" ON "ingest_runs"("source", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "editions_date_key" ON "editions"("date");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_message_id_key" ON "deliveries"("message_id");

-- CreateIndex
CREATE INDEX "deliveries_edition_id_status_idx" ON "deliveries"("edition_id", "status");

-- CreateIndex
CREATE INDEX "deliveries_status_sending_at_idx" ON "deliveries"("status", "sending_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_reader_id_edition_id_key" ON "deliveries"("reader_id", "edition_id");

-- CreateIndex
CREATE INDEX "feedback_events_reader_id_created_at_idx" ON "feedback_events"("reader_id", "created_at");

-- AddForeignKey
ALTER TABLE "paper_topics" ADD CONSTRAINT "paper_topics_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upvote_snapshots" ADD CONSTRAINT "upvote_snapshots_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_reader_id_fkey" FOREIGN KEY ("reader_id") REFERENCES "readers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sent_papers" ADD CONSTRAINT "sent_papers_reader_id_fkey" FOREIGN KEY ("reader_id") REFERENCES "readers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sent_papers" ADD CONSTRAINT "sent_papers_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_reader_id_fkey" FOREIGN KEY ("reader_id") REFERENCES "readers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
