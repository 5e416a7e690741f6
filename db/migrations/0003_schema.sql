-- The billing data model of DESIGN.md. Money is bigint kopecks; numbers are E.164;
-- times are timestamptz. Grants, row-level security and audit triggers are added by
-- later migrations; this one is about shape and what the data itself must satisfy.
SET LOCAL ROLE subdesk_owner;

CREATE TABLE office (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,16}$'),
  name_uk     text NOT NULL CHECK (name_uk <> ''),
  name_en     text NOT NULL CHECK (name_en <> ''),
  city        text NOT NULL,
  address     text NOT NULL,
  is_callcentre boolean NOT NULL DEFAULT false
);

-- One row per member of staff; login is their PostgreSQL login role.
CREATE TABLE staff (
  login       name PRIMARY KEY,
  full_name   text NOT NULL CHECK (full_name <> ''),
  group_role  text NOT NULL CHECK (group_role IN ('subdesk_agent', 'subdesk_sales',
                                                  'subdesk_supervisor', 'subdesk_admin')),
  office_id   int NOT NULL REFERENCES office,
  valid_until date,
  locked      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  name NOT NULL DEFAULT session_user
);

CREATE TABLE tariff_plan (
  id            serial PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  kind          text NOT NULL CHECK (kind IN ('mobile', 'home')),
  name_uk       text NOT NULL,
  name_en       text NOT NULL,
  monthly_fee   bigint NOT NULL CHECK (monthly_fee >= 0),
  minutes       int CHECK (minutes >= 0),        -- NULL: unlimited
  sms           int CHECK (sms >= 0),
  data_mb       int CHECK (data_mb >= 0),
  speed_mbps    int CHECK (speed_mbps > 0),      -- home internet only
  turbo_price_1h  bigint CHECK (turbo_price_1h >= 0),
  turbo_price_3h  bigint CHECK (turbo_price_3h >= 0),
  turbo_price_24h bigint CHECK (turbo_price_24h >= 0),
  active        boolean NOT NULL DEFAULT true,
  CHECK ((kind = 'home') = (speed_mbps IS NOT NULL))
);

CREATE TABLE service (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('mobile', 'home')),
  name_uk         text NOT NULL,
  name_en         text NOT NULL,
  monthly_fee     bigint NOT NULL CHECK (monthly_fee >= 0),
  exclusive_group text,     -- at most one active service of a group per line
  active          boolean NOT NULL DEFAULT true
);

CREATE TABLE customer (
  id            bigserial PRIMARY KEY,
  last_name     text NOT NULL CHECK (btrim(last_name) <> ''),
  first_name    text NOT NULL CHECK (btrim(first_name) <> ''),
  patronymic    text,
  birth_date    date CHECK (birth_date > '1900-01-01'),
  doc_kind      text CHECK (doc_kind IN ('passport', 'id_card', 'foreign_passport', 'residence_permit')),
  doc_number    text CHECK (doc_number ~ '^[A-ZА-ЯІЇЄҐ0-9]{6,12}$'),
  tax_number    text CHECK (tax_number ~ '^[0-9]{10}$'),
  address       text,
  email         text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  contact_phone text CHECK (e164_valid(contact_phone)),
  language      text NOT NULL DEFAULT 'uk' CHECK (language IN ('uk', 'en')),
  notify_sms    boolean NOT NULL DEFAULT true,
  notify_email  boolean NOT NULL DEFAULT false,
  code_word_hash text,      -- scrypt hash of the account's code word (caller verification)
  search_name   text GENERATED ALWAYS AS
                (normalize_name(last_name || ' ' || first_name || coalesce(' ' || patronymic, ''))) STORED,
  version       int NOT NULL DEFAULT 1,   -- optimistic locking of profile edits
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    name NOT NULL DEFAULT session_user,
  CHECK ((doc_kind IS NULL) = (doc_number IS NULL))
);
CREATE INDEX customer_search_name_trgm ON customer USING gin (search_name gin_trgm_ops);
CREATE INDEX customer_search_name_prefix ON customer (search_name text_pattern_ops);
CREATE INDEX customer_doc ON customer (doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX customer_birth ON customer (birth_date);

CREATE TABLE family_group (
  id                bigserial PRIMARY KEY,
  name              text NOT NULL,
  owner_customer_id bigint NOT NULL REFERENCES customer,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account (
  id                   bigserial PRIMARY KEY,
  number               text NOT NULL UNIQUE CHECK (account_number_valid(number)),
  customer_id          bigint NOT NULL REFERENCES customer,
  kind                 text NOT NULL CHECK (kind IN ('mobile', 'home')),
  balance              bigint NOT NULL DEFAULT 0,
  bonus_balance        bigint NOT NULL DEFAULT 0 CHECK (bonus_balance >= 0),
  disconnect_threshold bigint NOT NULL DEFAULT 0,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  selfcare_registered_on date,
  family_group_id      bigint REFERENCES family_group,
  office_id            int REFERENCES office,
  opened_at            timestamptz NOT NULL DEFAULT now(),
  closed_at            timestamptz,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX account_customer ON account (customer_id);
CREATE INDEX account_family ON account (family_group_id) WHERE family_group_id IS NOT NULL;

CREATE TABLE line (
  id           bigserial PRIMARY KEY,
  msisdn       text NOT NULL CHECK (msisdn_valid(msisdn)),
  account_id   bigint NOT NULL REFERENCES account,
  tariff_id    int NOT NULL REFERENCES tariff_plan,
  device_model text,
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'closed')),
  activated_at timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- One line per MSISDN that is not closed; a closed number may be issued again.
CREATE UNIQUE INDEX line_msisdn_open ON line (msisdn) WHERE status <> 'closed';
CREATE INDEX line_msisdn ON line (msisdn);
CREATE INDEX line_account ON line (account_id);

CREATE TABLE sim (
  id             bigserial PRIMARY KEY,
  iccid          text NOT NULL UNIQUE CHECK (iccid_valid(iccid)),
  imsi           text NOT NULL UNIQUE CHECK (imsi ~ '^255[0-9]{12}$'),
  puk            text NOT NULL CHECK (puk ~ '^[0-9]{8}$'),
  status         text NOT NULL DEFAULT 'in_stock' CHECK (status IN ('in_stock', 'active', 'lost', 'replaced')),
  office_id      int REFERENCES office,
  line_id        bigint REFERENCES line,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'in_stock' OR line_id IS NULL),
  CHECK (status = 'in_stock' OR line_id IS NOT NULL),
  CHECK (status <> 'in_stock' OR office_id IS NOT NULL)
);
-- One active SIM per line.
CREATE UNIQUE INDEX sim_active_per_line ON sim (line_id) WHERE status = 'active';
CREATE INDEX sim_stock ON sim (office_id) WHERE status = 'in_stock';
CREATE INDEX sim_line ON sim (line_id);

-- A call or a visit: staff act on a subscriber's behalf within one.
CREATE TABLE interaction (
  id             bigserial PRIMARY KEY,
  staff_login    name NOT NULL DEFAULT session_user,
  channel        text NOT NULL CHECK (channel IN ('call', 'visit')),
  caller_number  text CHECK (e164_valid(caller_number)),
  customer_id    bigint REFERENCES customer,
  verified_by    text CHECK (verified_by IN ('otp', 'document', 'code_word')),
  verified_at    timestamptz,
  opened_at      timestamptz NOT NULL DEFAULT now(),
  closed_at      timestamptz,
  wrap_up        text,
  CHECK ((verified_by IS NULL) = (verified_at IS NULL)),
  CHECK (closed_at IS NULL OR wrap_up IS NOT NULL)
);
CREATE INDEX interaction_customer ON interaction (customer_id, opened_at DESC);
CREATE INDEX interaction_staff_open ON interaction (staff_login) WHERE closed_at IS NULL;

CREATE TABLE sim_swap (
  id             bigserial PRIMARY KEY,
  line_id        bigint NOT NULL REFERENCES line,
  old_sim_id     bigint NOT NULL REFERENCES sim,
  new_sim_id     bigint NOT NULL REFERENCES sim,
  reason         text NOT NULL CHECK (reason IN ('lost', 'stolen', 'damaged', 'format_change')),
  doc_kind       text NOT NULL,
  office_id      int NOT NULL REFERENCES office,
  staff_login    name NOT NULL DEFAULT session_user,
  interaction_id bigint NOT NULL REFERENCES interaction,
  swapped_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (old_sim_id <> new_sim_id)
);
CREATE INDEX sim_swap_line ON sim_swap (line_id, swapped_at DESC);

CREATE TABLE line_service (
  id          bigserial PRIMARY KEY,
  line_id     bigint NOT NULL REFERENCES line,
  service_id  int NOT NULL REFERENCES service,
  starts_on   date NOT NULL DEFAULT current_date,
  ends_on     date,
  created_by  name NOT NULL DEFAULT session_user,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX line_service_line ON line_service (line_id);

CREATE TABLE tariff_change (
  id            bigserial PRIMARY KEY,
  line_id       bigint NOT NULL REFERENCES line,
  old_tariff_id int NOT NULL REFERENCES tariff_plan,
  new_tariff_id int NOT NULL REFERENCES tariff_plan,
  effective_on  date NOT NULL,
  status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'applied', 'cancelled')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    name NOT NULL DEFAULT session_user
);
CREATE INDEX tariff_change_line ON tariff_change (line_id);

CREATE TABLE contract (
  id           bigserial PRIMARY KEY,
  number       text NOT NULL UNIQUE CHECK (number ~ '^HI-[0-9]{4}-[0-9]{6}$'),
  customer_id  bigint NOT NULL REFERENCES customer,
  account_id   bigint NOT NULL REFERENCES account,
  office_id    int NOT NULL REFERENCES office,
  staff_login  name NOT NULL DEFAULT session_user,
  signed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE home_internet (
  id             bigserial PRIMARY KEY,
  account_id     bigint NOT NULL UNIQUE REFERENCES account,
  contract_id    bigint REFERENCES contract,
  login          text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
  address        text NOT NULL,
  tariff_id      int NOT NULL REFERENCES tariff_plan,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  suspended_from date,
  suspended_to   date,
  turbo_until    timestamptz,
  CHECK ((suspended_from IS NULL) = (suspended_to IS NULL)),
  CHECK (suspended_to IS NULL OR suspended_to >= suspended_from)
);

-- Every money movement. The balance of an account is the sum of its ledger rows.
CREATE TABLE ledger (
  id              bigserial PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES account,
  wallet          text NOT NULL DEFAULT 'main' CHECK (wallet IN ('main', 'bonus')),
  amount          bigint NOT NULL CHECK (amount <> 0),
  kind            text NOT NULL CHECK (kind IN ('payment', 'usage', 'monthly_fee', 'service_fee',
                                                'adjustment', 'detail_fee', 'turbo',
                                                'bonus_transfer', 'bonus_accrual', 'promotion')),
  idempotency_key text NOT NULL UNIQUE,
  description     text,
  interaction_id  bigint REFERENCES interaction,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      name NOT NULL DEFAULT session_user
);
CREATE INDEX ledger_account ON ledger (account_id, created_at DESC);

CREATE TABLE payment (
  id              bigserial PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES account,
  amount          bigint NOT NULL CHECK (amount > 0),
  method          text NOT NULL CHECK (method IN ('cash', 'pos', 'bank')),
  receipt_no      text,
  rrn             text CHECK (rrn ~ '^[0-9]{12}$'),
  card_last4      text CHECK (card_last4 ~ '^[0-9]{4}$'),
  office_id       int REFERENCES office,
  ledger_id       bigint NOT NULL UNIQUE REFERENCES ledger,
  idempotency_key text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      name NOT NULL DEFAULT session_user,
  CHECK (method = 'pos' OR (rrn IS NULL AND card_last4 IS NULL))
);
CREATE INDEX payment_account ON payment (account_id, created_at DESC);

CREATE TABLE promotion (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name_uk     text NOT NULL,
  name_en     text NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date,
  tariff_ids  int[],      -- eligible tariffs; NULL: every tariff
  description_uk text,
  description_en text
);

CREATE TABLE promotion_enrollment (
  id           bigserial PRIMARY KEY,
  promotion_id int NOT NULL REFERENCES promotion,
  line_id      bigint NOT NULL REFERENCES line,
  joined_at    timestamptz NOT NULL DEFAULT now(),
  left_at      timestamptz,
  created_by   name NOT NULL DEFAULT session_user
);
CREATE UNIQUE INDEX promotion_enrollment_open ON promotion_enrollment (promotion_id, line_id) WHERE left_at IS NULL;

-- Self-care credentials of a line: only hashes, never a password or a code.
CREATE TABLE selfcare_credential (
  line_id          bigint PRIMARY KEY REFERENCES line,
  password_hash    text,
  password_set_at  timestamptz,
  otp_hash         text,
  otp_purpose      text CHECK (otp_purpose IN ('password_reset', 'verification')),
  otp_sent_at      timestamptz,
  otp_expires_at   timestamptz,
  otp_attempts     int NOT NULL DEFAULT 0
);

CREATE TABLE detail_request (
  id            bigserial PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES account,
  line_id       bigint REFERENCES line,
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  fee           bigint NOT NULL CHECK (fee >= 0),
  waived        boolean NOT NULL DEFAULT false,
  waive_reason  text,
  ledger_id     bigint REFERENCES ledger,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  requested_by  name NOT NULL DEFAULT session_user,
  CHECK (NOT waived OR waive_reason IS NOT NULL)
);
CREATE INDEX detail_request_account ON detail_request (account_id, requested_at);

CREATE TABLE ticket (
  id             bigserial PRIMARY KEY,
  customer_id    bigint NOT NULL REFERENCES customer,
  interaction_id bigint REFERENCES interaction,
  subject        text NOT NULL,
  body           text NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  answer         text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     name NOT NULL DEFAULT session_user
);

-- Append-only: who did what to which subscriber, from which interaction.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  who            name NOT NULL DEFAULT session_user,
  action         text NOT NULL,             -- 'INSERT', 'UPDATE', 'DELETE' or a named read
  table_name     text,
  row_id         text,
  customer_id    bigint,
  account_id     bigint,
  line_id        bigint,
  interaction_id bigint,
  changes        jsonb
);
CREATE INDEX audit_customer ON audit_log (customer_id, at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_account ON audit_log (account_id, at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX audit_at ON audit_log (at);

-- What leaves the building: written in the transaction, delivered by subdesk-notifier.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient       text NOT NULL,
  subject         text,
  body            text NOT NULL,
  secret          text,                     -- a code or password, scrubbed once sent
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      name NOT NULL DEFAULT session_user,
  sent_at         timestamptz,
  customer_id     bigint REFERENCES customer,
  interaction_id  bigint REFERENCES interaction,
  CHECK (channel <> 'sms' OR e164_valid(recipient))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
