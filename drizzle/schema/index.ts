export * from './auth';
export * from './projects';
export * from './pools';
export * from './pipelines';
export * from './runs';
export * from './approvals';
export * from './schedules';
export * from './audit';
