import DatasetPage from '../features/datasets/DatasetPage.tsx';
import SuggestedMetricsCard from '../features/metrics/SuggestedMetricsCard.tsx';

/**
 * The dataset page as the router shows it: the datasets feature's page with the metrics the
 * library suggests for it. Composed here, above both features, because metrics are built on
 * datasets and the datasets feature imports nothing of metrics (docs/architecture.md "Layers").
 */
export default function DatasetWithMetricsPage() {
  return <DatasetPage extra={SuggestedMetricsCard} />;
}
