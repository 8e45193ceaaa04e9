export * from './auth';
export * from './projects';
export * from './pipelines';
export * from './runs';
export * from './approvals';
export * from './schedules';
export * from './audit';
