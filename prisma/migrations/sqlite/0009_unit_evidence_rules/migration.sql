-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UnitSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "unitName" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "reportDate" DATETIME,
    "evidenceKinds" TEXT NOT NULL DEFAULT 'COUNT,SUM,PERCENT,BOOLEAN',
    "coHostWindowDays" INTEGER NOT NULL DEFAULT 31
);
INSERT INTO "new_UnitSettings" ("id", "reportDate", "signature", "unitName", "updatedAt", "version") SELECT "id", "reportDate", "signature", "unitName", "updatedAt", "version" FROM "UnitSettings";
DROP TABLE "UnitSettings";
ALTER TABLE "new_UnitSettings" RENAME TO "UnitSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

