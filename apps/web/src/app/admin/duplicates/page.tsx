import type { Metadata } from "next";
import { DuplicateReview } from "~/components/duplicates/review.tsx";
import "~/components/duplicates/duplicates.css";

export const metadata: Metadata = { title: "Duplicates" };

export default function AdminDuplicatesPage() {
  return (
    <>
      <h1 className="admin-title">Duplicates</h1>
      <DuplicateReview />
    </>
  );
}
