/** MLflow keeps a run's name in this tag too (its UI and older clients read it there). */
export const RUN_NAME_TAG = 'mlflow.runName';

/** MLflow's tag naming a nested run's parent (its UI and `search_runs` read it). */
export const PARENT_RUN_TAG = 'mlflow.parentRunId';
