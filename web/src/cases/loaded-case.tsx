import type { ComponentType } from "react";
import { useParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading } from "../app/feedback.tsx";
import { type CaseDetail, getCase } from "./api.ts";

/**
 * Loads the case the route names (:id) and shows it with `View`; keyed by the case id so the view's
 * state starts afresh when the route moves to another case. Applicant and staff pages both use it.
 */
export function LoadedCase({ View }: { View: ComponentType<{ initial: CaseDetail }> }) {
  const { id = "" } = useParams();
  const loaded = useApi((signal) => getCase(id, signal), [id]);
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return <View key={loaded.data.id} initial={loaded.data} />;
}
