export * from './dto/report.query';
export * from './dto/report.response';
export * from './report-csv';
export * from './report-definitions';
export * from './reports.exception';
export * from './reports.module';
export * from './reports.service';
