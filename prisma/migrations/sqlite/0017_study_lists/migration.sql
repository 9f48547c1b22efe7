-- CreateTable
CREATE TABLE "StudyListItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "addedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StudyListItem_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyMark" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "markedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StudyMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyMark_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StudyListItem_regulationId_idx" ON "StudyListItem"("regulationId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyListItem_year_regulationId_key" ON "StudyListItem"("year", "regulationId");

-- CreateIndex
CREATE INDEX "StudyMark_regulationId_year_idx" ON "StudyMark"("regulationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "StudyMark_userId_regulationId_year_key" ON "StudyMark"("userId", "regulationId", "year");

