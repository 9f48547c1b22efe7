-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workPointId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "currentDeadline" DATETIME NOT NULL,
    "proposedDeadline" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestedById" INTEGER NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "pendingKey" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "DeadlineExtension_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PointClosure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workPointId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "declaredById" INTEGER NOT NULL,
    "declaredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" INTEGER,
    "reviewedAt" DATETIME,
    "returnReason" TEXT,
    "rating" TEXT,
    "ratingComment" TEXT NOT NULL DEFAULT '',
    "ratedById" INTEGER,
    "ratedAt" DATETIME,
    "activeKey" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "PointClosure_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workPointId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ProgressNote_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeedbackSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "cycle" TEXT NOT NULL DEFAULT 'MONTHLY',
    "dueDay" INTEGER NOT NULL DEFAULT 5,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineExtension_pendingKey_key" ON "DeadlineExtension"("pendingKey");

-- CreateIndex
CREATE INDEX "DeadlineExtension_workPointId_status_idx" ON "DeadlineExtension"("workPointId", "status");

-- CreateIndex
CREATE INDEX "DeadlineExtension_status_idx" ON "DeadlineExtension"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PointClosure_activeKey_key" ON "PointClosure"("activeKey");

-- CreateIndex
CREATE INDEX "PointClosure_workPointId_declaredAt_idx" ON "PointClosure"("workPointId", "declaredAt");

-- CreateIndex
CREATE INDEX "PointClosure_status_idx" ON "PointClosure"("status");

-- CreateIndex
CREATE INDEX "ProgressNote_period_officeId_idx" ON "ProgressNote"("period", "officeId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressNote_workPointId_period_key" ON "ProgressNote"("workPointId", "period");

