"""Dagster definitions, one folder per concern, found by `load_from_defs_folder` (see definitions.py).

    ingest/     raw_files (raw/ -> staging.files, staging.quarantine), raw_files_sensor
    parse/      parsed_articles (the parser over new file versions -> staging.*)
    dbt/        the dbt project as assets (staging views, intermediate and mart tables, dbt tests as checks)
    quality/    GX and quarantine checks, mart.dq_alerts, alert_notifications, the failure hook
    publish/    published_warehouse (the atomic swap)
    report/     analyst_report (dbt docs + the HTML report)
    jobs.py, schedules.py, resources.py   the nightly job, its schedule, the resources

Only definitions live here; what they call (ingest, parsing, staging, publish, alerting, report)
is plain Python in orchestration/.
"""
