-- Background jobs keep a large result as a file (EXPORT_DIR), a member's jobs are listed by date, the purge finds finished ones.
-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "resultPath" TEXT,
ADD COLUMN     "resultSize" INTEGER;

-- CreateIndex
CREATE INDEX "Job_createdById_createdAt_idx" ON "Job"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Job_finishedAt_idx" ON "Job"("finishedAt");

