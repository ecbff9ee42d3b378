-- Enrolment speed (issue 18): every new run paid three foreign-key checks, two of them on the
-- same workflow — workflow_id alone, and (workflow_id, version), which already implies the
-- workflow exists. Keep the composite one, now cascading, so deleting a workflow still deletes
-- its runs (through its versions, which cascade from workflows) and drop the redundant one.
alter table workflow_runs drop constraint workflow_runs_workflow_id_fkey;
alter table workflow_runs drop constraint workflow_runs_workflow_id_version_fkey;
alter table workflow_runs
  add constraint workflow_runs_workflow_id_version_fkey
    foreign key (workflow_id, version) references workflow_versions (workflow_id, version)
    on delete cascade not valid;
alter table workflow_runs validate constraint workflow_runs_workflow_id_version_fkey;
