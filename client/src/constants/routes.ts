/**
 * Every route string of the app lives here (app.config.ts builds app.json from it).
 *
 * Element ids for end-to-end tests (Taro's View renders `id` on H5 and weapp alike, so tests use
 * `#id` selectors; keep them stable). A text field `#x` is Taro's Input: on H5 type into `#x input`;
 * its error is `#x-error`.
 *   login   — #login-intro, #privacy-consent, #privacy-agree, #privacy-link,
 *             weapp: #wechat-login, #wechat-error
 *             H5 desk sign-in: #desk-login, #desk-username, #desk-password, #desk-submit, #desk-error,
 *             #login-invite-link (to the redeem page)
 *             H5 demo only (when /api/dev/personas answers): #demo-section, #wechat-demo-login, #wechat-error,
 *             #personas-loading, #personas-error (text contains 无法连接服务器), #personas-retry,
 *             #persona-list, #login-error (persona sign-in failed), #persona-<key> (one card per persona; characters
 *             outside [A-Za-z0-9_-] become '-', e.g. key demo.coordinator → #persona-demo-coordinator)
 *   home    — #home-greeting (contains the display name), #home-role, #home-region, #home-duties-link (我的职责;
 *             unfolds #home-duties), #home-no-role (account without a role), #home-invite-link, #home-error, #home-retry,
 *             #home-manage, #home-invitations-link, #home-staff-link, #home-audit-link, #home-work-links (files, reports)
 *   home's work (first on home) — #home-work (data-ready once its figures answered); counts #home-count-<what> with the
 *             number in #home-count-<what>-count (data-count): overdue, due-soon, to-complete, proposed (director);
 *             submitted, info-requested, stale, priority (coordinator); children, paired, visited, overdue, reports
 *             (township, county); members-approved, members-waiting, members-draft (leader). Cards: #home-pairing-<id>
 *             (#home-due-<id>, #home-checkin-<id> 记一次服务, #home-card-<id>), #home-outbox, #home-no-pairing,
 *             #home-application (#home-application-status, #home-work-signup), #home-duty (#home-due-<child id>),
 *             #home-confirm (#home-decide-<id>: #home-confirm-<id>, #home-return-<id>, #home-return-reason-<id>-<reason>,
 *             #home-return-text-<id>, #home-return-send-<id>), #home-files, #home-vetting (#home-application-<id>),
 *             #home-approvals (#home-approval-<id>), #home-pairing-watch, #home-coverage, #home-follow-up
 *             (#home-reports-age), #home-deadlines (#home-deadline-<annual_report|handover>), #home-team; each card's
 *             "全部 ›" is #<card id>-more
 *   desk (H5 ≥ 1024 px) — #desk-nav (side navigation; #desk-nav-<key>, see components/DeskFrame/nav.ts); tables keep the
 *             phone list's ids (#vetting-list, #children-list, #ledger-list, #unconfirmed-list, #audit-list) with rows
 *             #vetting-item-<id>, #child-row-<id>, #ledger-row-<id>, #unconfirmed-item-<id>, #audit-row-<id>, sort buttons
 *             #<table id>-sort-<column>, pager #<prefix>-prev/-next/-page; the chosen row beside the list (?id= in the
 *             address): #vetting-detail, #ledger-detail, #unconfirmed-detail, #audit-detail (#audit-entry)
 *   me      — #me-name, #me-role, #me-region, #me-roles (role switcher, only with several roles),
 *             #role-option-<assignment id>, #me-privacy-link, #logout-button
 *   invite  — #invite-code (field), #invite-as (signed in: who accepts), #invite-accept (signed in),
 *             #invite-name, #invite-username, #invite-password, #invite-password2, #invite-submit (desk),
 *             #invite-wechat (weapp, not signed in), #invite-error
 *   privacy — #privacy-notice
 *   admin/invitations    — #invitations-list, #invitations-empty, #invitation-new, #invitation-<id>,
 *                          #invitation-status-<id>, #invitation-revoke-<id>
 *   admin/invitation-new — #invite-role-<role>, #region-current, #region-fits, #region-up, #region-deeper (unfold the next level where the current one already fits), #region-<code> (a child
 *                          region to walk into), #invite-note, #invite-create, #invite-create-error,
 *                          result: #invite-result, #invite-result-code, #invite-result-link, #invite-copy-code,
 *                          #invite-copy-link (H5), #invite-share (weapp), #invite-again
 *   admin/staff          — #staff-list, #staff-<assignment id>, #staff-remove-<assignment id>
 *   admin/audit          — #audit-filter-<key>, #audit-date, #audit-date-clear, #audit-list, #audit-empty,
 *                          #audit-prev, #audit-next, #audit-page
 *   home & me (everyone signed in) — #home-report-concern / #me-report-concern (我担心这个孩子),
 *                          #home-notifications / #me-notifications (with #…-unread, the count), #me-my-reports,
 *                          work entries: #home-children-link, #home-reports-link
 *   common/notifications — #notifications-list, #notifications-empty, #notification-<id> (class notification--unread)
 *   children/list        — #children-search (field), #children-filter-<key> (chips: left_behind, in_difficulty, risk-<level>,
 *                          special, near-water, aging-out, paired, unpaired), #children-list, #children-empty, #children-total,
 *                          #child-row-<id>, #children-new, #children-transfers-link, #children-handover, #children-prev, #children-next
 *   children/edit        — one section per screen on a phone (#child-step-<n>, #child-next, #child-back), all sections on a
 *                          desk; fields #child-<field> (TextField ids: child-name, child-display-name, child-id-number, …),
 *                          chips #child-<field>-<value>, #child-derived (birth date and sex from the ID number),
 *                          #child-consent-required, #child-save, #child-form-error, #child-saved (after saving),
 *                          #child-warnings (amber eligibility notes), #child-open-file, #child-register-another,
 *                          duplicate ID: #child-duplicate, #child-transfer-request, #child-transfer-reason, #child-transfer-send
 *   children/file        — #child-file (data-view="full" | "working"), #child-name, #child-id-masked, #child-reveal-id
 *                          (then #child-id-full), #child-reveal-address (#child-address-full), #child-reveal-phone-<guardian id>,
 *                          #child-consent-missing, #child-closed, #child-years, #child-edit, #child-complete-year, #child-close
 *                          (then #child-close-reason-<reason>, #child-close-confirm), #child-history-toggle, #child-history,
 *                          #child-report-concern
 *   children/card        — #child-card, #child-card-call (the director's work phone), #child-card-error, #child-card-report-concern
 *   children/transfers   — #transfer-id-number, #transfer-reason, #transfer-send, #transfer-<id>, #transfer-accept-<id>,
 *                          #transfer-decline-<id> (first tap asks #transfer-decline-reason, second declines), #transfer-cancel-<id>,
 *                          #transfers-list, #transfers-empty
 *   safeguarding/start   — #hotlines, #hotline-<number>, #report-continue
 *   safeguarding/new     — #report-child (a child on file), #report-child-name, #report-village-<code>, #report-village-current,
 *                          #report-village-change, #report-village-up,
 *                          #report-kind-<kind>, #report-urgency-<immediate|concern>, #report-seen (textarea), #report-seen-at,
 *                          #report-place, #report-submit, #report-error, #report-done, #report-mine-link
 *   safeguarding/mine    — #my-reports, #my-report-<id> (its stage only), #my-reports-empty
 *   safeguarding/reports — #reports-list, #reports-empty, #report-row-<id> (class report-row--immediate, #report-escalated-<id>)
 *   safeguarding/report  — #report-detail, #report-status, #report-escalation, #report-reporter, #report-seen-text, #report-events,
 *                          #report-action-<acknowledged|assessed|referred|measure|note|closed>, #report-refer-<target>,
 *                          #report-note (textarea), #report-event-submit, #report-action-error
 *   home (check-ins, duty) — #home-checkins (section), #home-checkins-link (我的服务记录; text has 待发送 N 条 while any wait),
 *                          #home-checkin-<pairing id> (记录走访 · <child>), #home-checkin-queue-link (走访待确认（N）),
 *                          #home-duty-link (我的走访任务 / 走访情况; text has the overdue count), #home-unconfirmed-link
 *   checkins/create      — #checkin-child, #checkin-started-at (shown start; #checkin-start-date / #checkin-start-time pickers),
 *                          #checkin-started-at-error, #checkin-duration (minutes field; #checkin-duration-preset-<minutes> chips),
 *                          #checkin-mode-<contact mode>, #checkin-service-<service type>, #checkin-summary (textarea),
 *                          #checkin-mood, #checkin-problems, #checkin-measures, #checkin-location (weapp), #checkin-worried,
 *                          #checkin-submit, #checkin-error; after: #checkin-sent, #checkin-queued (待发送), #checkin-mine-link,
 *                          #checkin-again; #checkin-pairing-error (pairing not active / not found)
 *   checkins/mine        — #mine-totals (#mine-hours, #mine-points, #mine-confirmed, #mine-pending, #mine-disputed), #mine-hours-note,
 *                          outbox: #outbox (#outbox-count: 待发送 N 条), #outbox-item-<key> (#outbox-state-<key>), #outbox-send,
 *                          #outbox-discard-<key> (failed ones); #mine-pairing-<pairing id> (next due), #mine-record-<pairing id>,
 *                          #mine-list, #mine-empty, #mine-checkin-<id> (#mine-status-<id>, #mine-note-<id>), #mine-honour-link
 *   checkins/queue       — #queue-total, #queue-list, #queue-empty, #queue-item-<id>, #queue-confirm-<id>, #queue-dispute-<id>
 *                          (first tap opens #queue-reason-<id>; #queue-dispute-send-<id> sends), #queue-error-<id>
 *   checkins/unconfirmed — #unconfirmed-total, #unconfirmed-list, #unconfirmed-empty, #unconfirmed-item-<id>
 *   checkins/honour      — #honour-region-<code> (chips), #honour-year-<all|this>, #honour-list, #honour-empty, #honour-row-<rank>,
 *                          volunteers: #honour-setting, #honour-opt-in, #honour-full-name, #honour-name
 *   duty/calendar        — #duty-filter-<all|overdue|due_soon|attention> (text has the count), #duty-today, #duty-total, #duty-list,
 *                          #duty-empty, #duty-row-<child id> (class duty-row--overdue; #duty-contact-<child id>, #duty-visit-<child id>)
 *   duty/visit           — #visit-child, #visit-kind-<contact|home_visit>, #visit-date (#visit-date-pick), #visit-quarter (Q1–Q4),
 *                          #visit-problems, #visit-measures, #visit-submit, #visit-error, #visit-saved (then #visit-done: back),
 *                          #visit-history, #visit-item-<id>
 *   home (volunteers' side) — #home-volunteer (section), #home-signup-link (start or continue the sign-up),
 *                          #home-volunteer-status-link (submitted or later), #home-team-register-link, #home-join-link,
 *                          #home-roster-link (group_leader), #home-vetting-link (coordinator; text 志愿者审核（N）)
 *   join                 — #join-code (field), #join-team (the code's team once joined), #join-accept (signed in),
 *                          #join-wechat (not signed in: sign in with WeChat and join), #join-error
 *   volunteer/signup     — #signup-progress (第N步，共M步), #signup-step-title, #signup-step-<key>, #signup-team,
 *                          #signup-next, #signup-back, #signup-error (a problem not tied to a field on screen), #signup-saved;
 *                          privacy/pledge/criminal: #accept-<privacy|pledge|criminal_record> (tick), #accept-<…>-error;
 *                          identity: #signup-name, #signup-id (live check: #signup-id-error; valid: #signup-id-ok), #signup-id-saved;
 *                          phone: #signup-phone-wechat (weapp), #signup-phone (field), #signup-phone-saved, #signup-phone-change;
 *                          kind: #kind-<kind>, #signup-work-unit; region: see the area picker below;
 *                          #skill-<skill>, #slot-<slot>, #signup-availability-note, #contact-<mode>, #capacity-<1|2|3>;
 *                          review: #review-<step key> (a section; #review-edit-<step key> goes there), #signup-submit,
 *                          #signup-missing (what the server still needs, each #signup-missing-<field>);
 *                          edit mode (?edit=<step key>): #signup-edit-warning (name/ID sends the profile back to review), #signup-save
 *   area picker          — #area-current, #area-picked, #area-pick-county (the whole county), #area-<code> (a township,
 *                          or a level to walk into), #area-up
 *   volunteer/status     — #status-label, #status-next (what happens next, who reviews), #status-reason, #status-continue,
 *                          #status-resubmit, #status-subscribe (weapp), #status-summary, #status-id, #status-phone,
 *                          #status-edit-warning, #status-edit-<step key>, #status-withdraw, #withdraw-reason,
 *                          #withdraw-confirm, #withdraw-error, #status-signup (no application yet)
 *   team/register        — #team-name, #team-type-<type>, #team-parent, (area picker), #team-submit, #team-error;
 *                          result: #team-result, #team-code, #team-link (H5), #team-copy-code, #team-copy-link (H5),
 *                          #team-share (weapp), #team-roster-link
 *   team/roster          — #roster-team, #roster-code, #roster-counts, #roster-list, #roster-empty, #roster-<volunteer id>
 *                          (its status #roster-status-<volunteer id>), #roster-share (weapp), #roster-copy-link (H5)
 *   vetting/queue        — #vetting-filter-<status> (text has the count), #vetting-list, #vetting-empty,
 *                          #vetting-item-<volunteer id>, #vetting-prev, #vetting-next, #vetting-page
 *   vetting/application  — #application-name, #application-status, #application-id, #application-phone, #application-age,
 *                          #application-details, #application-history, checks: #check-identity, #check-identity-date,
 *                          #check-criminal-<pending|clear|not_clear>, #check-criminal-date, #check-training-date,
 *                          #check-training-course, #check-interview, #checks-save, #checks-error, #checks-saved,
 *                          decision: #decision-<approve|request_info|reject>, #decision-approve-blocked, #decision-reason,
 *                          #decision-submit, #decision-error, #decision-conflict (409: 已被他人处理，请刷新),
 *                          #decision-refresh, #decision-done
 *   pairings/priority    — 重点儿童未结对: #priority-total, #priority-list, #priority-empty, #priority-child-<child id> (its reasons
 *                          #priority-reasons-<child id>), #priority-prev, #priority-next, #priority-ledger-link
 *   pairings/propose     — #propose-child (the child's working summary), #propose-consent-missing (no proposal possible),
 *                          #propose-taken (already has a live pairing; #propose-taken-link), #suggestions-list, #suggestions-empty,
 *                          #suggestion-<volunteer id> (class suggestion--picked once picked; its reasons #suggestion-reasons-<volunteer id>),
 *                          #propose-note (textarea), #propose-submit, #propose-error
 *   pairings/ledger      — #ledger-title, #ledger-state-<all|state> (chips, text has the count), #ledger-stale (chip with the count),
 *                          #ledger-region-<code> (township/village chips; #ledger-region-all), #ledger-filter (volunteer/child/team
 *                          filter in force, #ledger-filter-clear), #ledger-total, #ledger-list, #ledger-empty, #ledger-row-<pairing id>
 *                          (#ledger-row-state-<id>, #ledger-row-stale-<id>), #ledger-prev, #ledger-next, #ledger-page
 *   pairings/detail      — #pairing-detail, #pairing-state, #pairing-child, #pairing-volunteer, #pairing-next (the next step and who
 *                          takes it), #pairing-stale, #pairing-facts, #pairing-links (#pairing-ledger-volunteer, #pairing-ledger-child,
 *                          #pairing-ledger-team), actions: #pairing-action-<acknowledge|approve|decline|pause|resume|end>,
 *                          #pairing-note, #pairing-reason (textareas), #pairing-start-date, #pairing-resume-date,
 *                          #pairing-end-reason-<reason>, #pairing-submit, #pairing-error, #pairing-conflict (409: 已被他人处理，请刷新),
 *                          #pairing-refresh, #pairing-done; history: #pairing-events, #pairing-event-<n> (oldest first, from 0)
 *   pairings/mine        — #mine-list, #mine-empty, #mine-<pairing id> (#mine-state-<id>), #mine-card-<pairing id> (the child's card)
 *   home (pairings)      — #home-pairings (section), #home-pairing-priority-link (coordinator; text 结对工作（N）),
 *                          #home-pairing-pending-link (director; text 待确认的结对（N）), #home-pairing-ledger-link, #home-my-pairings-link
 *   reports/dashboard    — #dashboard-title, #dashboard-path (#dashboard-up-<code>: back up to that region), #dashboard-generated,
 *                          #dashboard-totals (#total-<children|priority|overdue|stale|reports|checkins>), charts #chart-categories,
 *                          #chart-subregions, #chart-checkins (a canvas on H5, bars of Views on weapp), #dashboard-subregions
 *                          (#dashboard-region-<code>: drill down), #annual-report, #dashboard-exports with #export-child-xlsx,
 *                          #export-child-pdf, #export-pairing, #export-annual, #export-error, #export-saved (a direct download),
 *                          #export-job (background: #export-status, #export-progress, #export-download)
 *   reports/exports      — #exports-title, #exports-year-<year>, then the same #dashboard-exports panel as above;
 *                          home: #home-exports-link (roles that export but have no dashboard)
 *   issue #17 (packages/care, and the duty pages' additions):
 *   duty/calendar        — also #duty-filter-<entrusted|water>, #duty-mine (a director's own children), #duty-water-window (with the water filter),
 *                          per row #duty-entrusted-<child id>, #duty-water-<child id>
 *   duty/visit           — #visit-entrusted (section: #visit-capacity-<capacity>, #visit-quality-<quality>, #visit-entrusted-note),
 *                          #visit-water (section: #visit-water-toggle-yes, #visit-water-content), after saving #visit-entrusted-link
 *   care/entrusted       — #entrusted-arrangement, #entrusted-review, #entrusted-follow-up, #entrusted-step-<parents_notified|carer_supported>,
 *                          #entrusted-step-note, #entrusted-step-submit, #entrusted-change-carer, carer form: #carer-kind-<carer>, #carer-name,
 *                          #carer-since, #carer-note, #carer-submit; #entrusted-form-error, #entrusted-events (#entrusted-event-<n>, newest first)
 *   care/concern         — #concern-sign-<sign>, #concern-noticed, #concern-description, #concern-submit, #concern-saved, #concern-error;
 *                          director: #concern-list, #concern-<id> (#concern-status-<id>), #concern-action-<id>-<type>, #concern-referral-<target>,
 *                          #concern-keep-<yes|no>, #concern-event-note, #concern-event-submit
 *   care/activities      — #activities-year-<year>, #activities-new, #activities-list, #activities-empty, #activity-row-<id>
 *   care/activity        — form: #activity-village-<code>, #activity-kind-<kind>, #activity-title, #activity-place, #activity-organiser,
 *                          #activity-date, #activity-children, #activity-volunteer-<id>, #activity-minutes, #activity-content, #activity-submit,
 *                          #activity-error; detail: #activity-detail, #service-<id> (#service-status-<id>, #service-confirm-<id>,
 *                          #service-dispute-<id>), #activity-photos, #photo-no-faces, #photo-add
 *   care/staffing        — #staffing-villages, #staffing-village-<code> (class staffing-village--flagged), #staffing-directors,
 *                          #staffing-director-<user id> (class …--untrained), training: #training-director-<user id>, #training-date,
 *                          #training-course, #training-organiser, #training-hours, #training-submit; #assign-<child id>-<user id>
 *   links                — home #home-care-section (#home-activities-link, #home-staffing-link), file #child-entrusted-link,
 *                          #child-concerns-link, card #child-card-concern, dashboard #dashboard-care (#care-<figure>), mine #mine-water-<pairing id>
 */

/** Subpackages by domain; each root is a folder under src/ (WeChat: ≤ 2 MB each). */
export const SUBPACKAGES = [
  { root: 'packages/common', pages: ['pages/privacy/index', 'pages/notifications/index'] },
  {
    root: 'packages/admin',
    pages: ['pages/invitations/index', 'pages/invitation-new/index', 'pages/staff/index', 'pages/audit/index'],
  },
  {
    root: 'packages/children',
    pages: ['pages/list/index', 'pages/file/index', 'pages/edit/index', 'pages/card/index', 'pages/transfers/index'],
  },
  {
    root: 'packages/safeguarding',
    pages: ['pages/start/index', 'pages/new/index', 'pages/mine/index', 'pages/reports/index', 'pages/report/index'],
  },
  { root: 'packages/volunteer', pages: ['pages/signup/index', 'pages/status/index'] },
  { root: 'packages/team', pages: ['pages/register/index', 'pages/roster/index'] },
  { root: 'packages/vetting', pages: ['pages/queue/index', 'pages/application/index'] },
  {
    root: 'packages/pairings',
    pages: ['pages/priority/index', 'pages/propose/index', 'pages/ledger/index', 'pages/detail/index', 'pages/mine/index'],
  },
  {
    root: 'packages/checkins',
    pages: ['pages/create/index', 'pages/mine/index', 'pages/queue/index', 'pages/honour/index', 'pages/unconfirmed/index'],
  },
  { root: 'packages/duty', pages: ['pages/calendar/index', 'pages/visit/index'] },
  { root: 'packages/reports', pages: ['pages/dashboard/index', 'pages/exports/index'] },
  // Issue #17: entrusted care, psychological concerns, care activities, directors' staffing and training.
  { root: 'packages/care', pages: ['pages/entrusted/index', 'pages/concern/index', 'pages/activities/index', 'pages/activity/index', 'pages/staffing/index'] },
] as const

export const ROUTES = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  me: '/pages/me/index',
  /** Must match the server's REDEEM_PAGE: invitation links point here (main package: opened from shares). */
  invite: '/pages/invite/index',
  privacy: '/packages/common/pages/privacy/index',
  invitations: '/packages/admin/pages/invitations/index',
  invitationNew: '/packages/admin/pages/invitation-new/index',
  staff: '/packages/admin/pages/staff/index',
  audit: '/packages/admin/pages/audit/index',
  /** Notifications; each one's `page` (from the server) is opened from here. */
  notifications: '/packages/common/pages/notifications/index',
  children: '/packages/children/pages/list/index',
  /** ?id= — the file in the view the role gets (full / working). */
  childFile: '/packages/children/pages/file/index',
  /** No id: register a child; ?id= edit that file. */
  childEdit: '/packages/children/pages/edit/index',
  /** ?id= — a paired volunteer's card of the child. */
  childCard: '/packages/children/pages/card/index',
  childTransfers: '/packages/children/pages/transfers/index',
  /** 我担心这个孩子: the numbers to call first (?childId= when opened from a child's page). */
  safeguarding: '/packages/safeguarding/pages/start/index',
  /** The report form (?childId= likewise). */
  reportNew: '/packages/safeguarding/pages/new/index',
  myReports: '/packages/safeguarding/pages/mine/index',
  reports: '/packages/safeguarding/pages/reports/index',
  /** ?id= — must match the server's REPORT_PAGE (safeguarding/escalation.ts): notifications link here. */
  report: '/packages/safeguarding/pages/report/index',
  /** ?code= — must match shared TEAM_JOIN_PAGE: team share cards open here (main package). */
  join: '/pages/join/index',
  /** The sign-up wizard (resumes at the first unfinished step); ?edit=<step key> edits one section. */
  volunteerSignup: '/packages/volunteer/pages/signup/index',
  /** Must match shared VOLUNTEER_STATUS_PAGE: the vetting notifications link here. */
  volunteerStatus: '/packages/volunteer/pages/status/index',
  teamRegister: '/packages/team/pages/register/index',
  teamRoster: '/packages/team/pages/roster/index',
  vettingQueue: '/packages/vetting/pages/queue/index',
  /** ?id= — one application. */
  vettingApplication: '/packages/vetting/pages/application/index',
  /** 重点儿童未结对: the coordinator's matching work list. */
  pairingPriority: '/packages/pairings/pages/priority/index',
  /** ?childId= — suggestions for one child and the proposal. */
  pairingPropose: '/packages/pairings/pages/propose/index',
  /** 结对台账 (?state= &stale=true &volunteerId= &childId= &teamId=: ids only, never names). */
  pairingLedger: '/packages/pairings/pages/ledger/index',
  /** ?id= — must match shared PAIRING_PAGES.detail: the pairing notifications link here. */
  pairingDetail: '/packages/pairings/pages/detail/index',
  /** Must match shared PAIRING_PAGES.mine: the volunteer's pairing notifications link here. */
  myPairings: '/packages/pairings/pages/mine/index',
  /** ?pairingId= — a new check-in; with the two below must match shared CHECKIN_PAGES (notifications link here). */
  checkinCreate: '/packages/checkins/pages/create/index',
  /** The volunteer's record: hours, points, check-ins and the ones waiting to be sent. */
  checkinMine: '/packages/checkins/pages/mine/index',
  /** The director's confirmation queue. */
  checkinQueue: '/packages/checkins/pages/queue/index',
  checkinUnconfirmed: '/packages/checkins/pages/unconfirmed/index',
  honourBoard: '/packages/checkins/pages/honour/index',
  /** Who is due and overdue for the director's contact or home visit. */
  dutyCalendar: '/packages/duty/pages/calendar/index',
  /** ?childId= — record a contact or home visit. */
  dutyVisit: '/packages/duty/pages/visit/index',
  /** 工作统计 (?year=): must match shared DASHBOARD_PAGE — the annual-report reminder links here. */
  dashboard: '/packages/reports/pages/dashboard/index',
  /** 台账导出 for roles that export without a dashboard (village child directors). */
  exports: '/packages/reports/pages/exports/index',
  /** ?childId= — a child's entrusted care: arrangement, yearly re-assessment, steps after a finding, new carer. */
  careEntrusted: '/packages/care/pages/entrusted/index',
  /** ?childId= — must match shared CONCERN_PAGE: a psychological concern, and the director's handling. */
  careConcern: '/packages/care/pages/concern/index',
  /** Care activities of my region (?year=). */
  careActivities: '/packages/care/pages/activities/index',
  /** No id: record an activity; ?id= one activity (volunteers' hours, photos). */
  careActivity: '/packages/care/pages/activity/index',
  /** ?regionCode= — villages needing a director, directors' training this year, a village's children shared out. */
  careStaffing: '/packages/care/pages/staffing/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

