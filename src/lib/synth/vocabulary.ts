/** Words a streaming company's catalog is made of, for ids, titles, columns and prose. */

export const DOMAINS = [
  'engagement', 'billing', 'content', 'playback', 'marketing', 'support', 'ads', 'search',
  'recommendations', 'devices', 'finance', 'growth', 'trust-safety', 'localisation',
] as const;

export const NOUNS = [
  'play-events', 'sessions', 'impressions', 'subscriptions', 'ratings', 'searches', 'clicks',
  'payments', 'invoices', 'tickets', 'titles', 'device-logs', 'errors', 'heartbeats', 'trials',
  'cancellations', 'watchlists', 'downloads', 'profiles', 'campaigns', 'refunds', 'chargebacks',
  'subtitles', 'artwork', 'cdn-requests', 'rebuffers', 'bitrate-switches', 'app-crashes',
  'notifications', 'promotions', 'household-links', 'logins', 'reviews', 'surveys',
] as const;

export const STAGES_OF_DATA = [
  ['raw', 'landing', 'ingested', 'vendor'],
  ['clean', 'deduplicated', 'validated', 'normalised', 'conformed'],
  ['daily', 'hourly', 'sessionised', 'enriched', 'joined'],
  ['weekly', 'by-region', 'by-device', 'by-title', 'by-plan'],
  ['features', 'aggregates', 'rollup', 'cohorts', 'snapshots'],
  ['labelled', 'sampled', 'training-set', 'eval-set', 'scored'],
] as const;

export const REGIONS = ['EU', 'NA', 'APAC', 'LATAM'] as const;
export const DEVICES = ['tv', 'mobile', 'web', 'tablet', 'console'] as const;
export const PLANS = ['basic', 'standard', 'premium', 'family'] as const;

export const FIRST_NAMES = [
  'Ana', 'Ben', 'Chiara', 'David', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kwame',
  'Lea', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tala', 'Uma', 'Viktor',
  'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Amara', 'Bruno', 'Carmen', 'Dmitri', 'Esther', 'Felix',
] as const;

export const LAST_NAMES = [
  'Lopez', 'Okafor', 'Rossi', 'Kim', 'Yilmaz', 'Haddad', 'Mensah', 'Tanaka', 'Duarte', 'Berg',
  'Asante', 'Moreau', 'Silva', 'Novak', 'Rahman', 'Iyer', 'Laurent', 'Costa', 'Lindqvist', 'Fifita',
  'Sato', 'Petrov', 'Zhang', 'Herrera', 'Demir', 'Kowalska', 'Nwosu', 'Weber', 'Ortiz', 'Ivanova',
] as const;

export const TEAM_AREAS = [
  'recsys', 'platform', 'analytics', 'legal', 'billing-data', 'content-data', 'growth', 'ads-data',
  'playback-quality', 'search', 'trust-safety', 'finance-data', 'support-insights', 'devices',
  'ml-platform', 'data-platform', 'experimentation', 'localisation', 'marketing-science', 'privacy',
] as const;

export const ROLES = ['lead', 'data-engineer', 'ml-engineer', 'analyst', 'data-scientist', 'product-manager'] as const;

export const TERM_HEADS = [
  'subscriber', 'play-event', 'watch-time', 'churn', 'impression', 'session', 'title', 'household',
  'plan', 'trial', 'rebuffer', 'bitrate', 'conversion', 'retention', 'engagement', 'completion',
  'cohort', 'tenure', 'refund', 'chargeback', 'campaign', 'device', 'profile', 'catalogue-window',
] as const;

export const TERM_MODIFIERS = [
  'active', 'gross', 'net', 'qualified', 'monthly', 'daily', 'paid', 'organic', 'first',
  'effective', 'attributed', 'rolling', 'peak', 'median', 'blended', 'regional',
] as const;

export const SOURCE_KINDS = [
  { type: 'api', words: ['playback-api', 'events-gateway', 'partner-api', 'catalogue-api', 'search-api'] },
  { type: 'database', words: ['billing-db', 'accounts-db', 'crm-db', 'entitlements-db', 'support-db'] },
  { type: 'vendor', words: ['ratings-vendor', 'audience-panel', 'ad-exchange-feed', 'metadata-vendor'] },
  { type: 'sensor', words: ['device-telemetry', 'player-beacons', 'cdn-probes'] },
  { type: 'manual', words: ['editorial-sheets', 'survey-uploads', 'finance-adjustments'] },
  { type: 'web', words: ['public-reviews', 'box-office-site', 'open-ratings-site'] },
  { type: 'file', words: ['cdn-logs', 'studio-delivery-sheets', 'app-store-reports'] },
] as const;

export const TASKS = [
  { task: 'binary-classification', nouns: ['churn-predictor', 'fraud-scorer', 'trial-converter', 'abuse-detector', 'payment-failure-predictor'], metrics: ['recall', 'precision', 'auc'] },
  { task: 'ranking', nouns: ['home-ranker', 'search-ranker', 'row-ranker', 'artwork-ranker', 'notification-ranker'], metrics: ['ndcg-at-10', 'recall-at-20', 'mrr'] },
  { task: 'regression', nouns: ['watch-time-forecaster', 'ltv-estimator', 'demand-forecaster', 'bitrate-predictor', 'queue-time-estimator'], metrics: ['mae', 'rmse', 'r2'] },
  { task: 'multiclass-classification', nouns: ['genre-tagger', 'ticket-router', 'language-detector', 'device-classifier'], metrics: ['macro-f1', 'accuracy', 'top-3-accuracy'] },
  { task: 'embedding', nouns: ['user-embeddings', 'title-embeddings', 'query-embeddings'], metrics: ['recall-at-50', 'ndcg-at-10'] },
] as const;

/** Metrics where lower is better: their objective is a maximum. */
export const LOWER_IS_BETTER = new Set(['mae', 'rmse']);

export const ALGORITHMS = [
  'gradient-boosted trees', 'logistic regression', 'two-tower neural network', 'transformer encoder',
  'random forest', 'matrix factorisation', 'linear regression', 'LightGBM ranker', 'hand-written rule',
] as const;

export const COLUMN_KINDS = [
  { stem: 'count', type: 'integer', unit: undefined, range: [0, 100000] },
  { stem: 'seconds', type: 'integer', unit: 's', range: [0, 86400] },
  { stem: 'ratio', type: 'float', unit: undefined, range: [0, 1] },
  { stem: 'amount', type: 'float', unit: 'EUR', range: [0, 10000] },
  { stem: 'flag', type: 'boolean', unit: undefined, range: undefined },
  { stem: 'at', type: 'datetime', unit: undefined, range: undefined },
  { stem: 'day', type: 'date', unit: undefined, range: undefined },
  { stem: 'code', type: 'string', unit: undefined, range: undefined },
  { stem: 'kbps', type: 'integer', unit: 'kbit/s', range: [0, 60000] },
  { stem: 'score', type: 'float', unit: undefined, range: [0, 1] },
  { stem: 'days', type: 'integer', unit: 'd', range: [0, 3650] },
  { stem: 'text', type: 'text', unit: undefined, range: undefined },
] as const;

export const COLUMN_SUBJECTS = [
  'play', 'pause', 'seek', 'rebuffer', 'startup', 'watch', 'completion', 'session', 'search',
  'click', 'impression', 'purchase', 'refund', 'login', 'download', 'rating', 'review', 'trial',
  'renewal', 'discount', 'error', 'crash', 'bitrate', 'latency', 'cdn', 'subtitle', 'audio',
  'profile', 'household', 'device', 'campaign', 'notification', 'promotion', 'title', 'episode',
] as const;

export const TRANSFORMS = [
  'dbt model', 'Spark job', 'Airflow DAG', 'Flink stream', 'SQL view', 'Beam pipeline', 'notebook export',
] as const;
