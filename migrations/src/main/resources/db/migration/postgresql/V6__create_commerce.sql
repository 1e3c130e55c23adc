-- Plans, subscriptions, purchases and payments (seed section 4).
-- Financial records outlive what they refer to: a user with purchases or payments cannot be deleted
-- (RESTRICT); such an account is deactivated and its personal fields cleared instead.

CREATE TABLE subscription_plans (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name              VARCHAR(100) NOT NULL,
  description       TEXT,
  price             NUMERIC(10,2) NOT NULL,
  currency          VARCHAR(3) NOT NULL DEFAULT 'USD',
  billing_interval  VARCHAR(20) NOT NULL,
  trial_days        INTEGER NOT NULL DEFAULT 0,
  features          JSONB NOT NULL DEFAULT '[]',
  -- NULL for unlimited.
  course_limit      INTEGER,
  is_active         BOOLEAN NOT NULL DEFAULT TRUE,
  is_featured       BOOLEAN NOT NULL DEFAULT FALSE,
  stripe_price_id   VARCHAR(100),
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_plan_price CHECK (price >= 0),
  CONSTRAINT valid_plan_currency CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT valid_billing_interval CHECK (billing_interval IN ('monthly', 'yearly')),
  CONSTRAINT valid_trial_days CHECK (trial_days >= 0),
  CONSTRAINT valid_course_limit CHECK (course_limit IS NULL OR course_limit > 0)
);

CREATE TABLE subscriptions (
  id                      UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id                 UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  -- A plan with subscribers is retired (is_active = FALSE), not deleted.
  plan_id                 UUID NOT NULL REFERENCES subscription_plans (id) ON DELETE RESTRICT,
  status                  VARCHAR(20) NOT NULL,
  current_period_start    TIMESTAMPTZ NOT NULL,
  current_period_end      TIMESTAMPTZ NOT NULL,
  cancel_at_period_end    BOOLEAN NOT NULL DEFAULT FALSE,
  canceled_at             TIMESTAMPTZ,
  trial_start             TIMESTAMPTZ,
  trial_end               TIMESTAMPTZ,
  stripe_subscription_id  VARCHAR(100),
  stripe_customer_id      VARCHAR(100),
  created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT subscriptions_stripe_subscription_id_key UNIQUE (stripe_subscription_id),
  CONSTRAINT valid_subscription_status CHECK (status IN ('trialing', 'active', 'canceled', 'past_due', 'unpaid')),
  CONSTRAINT valid_subscription_period CHECK (current_period_end > current_period_start),
  CONSTRAINT valid_trial_period CHECK (trial_end IS NULL OR trial_start IS NULL OR trial_end > trial_start),
  CONSTRAINT canceled_has_date CHECK (status <> 'canceled' OR canceled_at IS NOT NULL)
);

CREATE INDEX idx_subscriptions_user_status ON subscriptions (user_id, status);
CREATE INDEX idx_subscriptions_plan ON subscriptions (plan_id);

CREATE TABLE course_purchases (
  id                        UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id                   UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  course_id                 UUID NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
  amount                    NUMERIC(10,2) NOT NULL,
  currency                  VARCHAR(3) NOT NULL DEFAULT 'USD',
  purchase_type             VARCHAR(20) NOT NULL DEFAULT 'one_time',
  status                    VARCHAR(20) NOT NULL DEFAULT 'pending',
  payment_method            VARCHAR(50),
  transaction_id            VARCHAR(100),
  stripe_payment_intent_id  VARCHAR(100),
  stripe_invoice_id         VARCHAR(100),
  purchased_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- For time-limited access; NULL for lifetime access.
  expires_at                TIMESTAMPTZ,
  updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_purchase_amount CHECK (amount >= 0),
  CONSTRAINT valid_purchase_currency CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT valid_purchase_type CHECK (purchase_type IN ('one_time', 'subscription')),
  CONSTRAINT valid_purchase_status CHECK (status IN ('pending', 'completed', 'failed', 'refunded')),
  CONSTRAINT valid_purchase_expiry CHECK (expires_at IS NULL OR expires_at > purchased_at)
);

-- One live purchase per user and course. The seed's UNIQUE (user_id, course_id) also counted failed
-- and refunded attempts, so a learner whose card was declined could never buy the course.
CREATE UNIQUE INDEX unique_live_course_purchase ON course_purchases (user_id, course_id)
  WHERE status IN ('pending', 'completed');
CREATE INDEX idx_course_purchases_course_status ON course_purchases (course_id, status);

CREATE TABLE payment_transactions (
  id                        UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id                   UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  subscription_id           UUID REFERENCES subscriptions (id) ON DELETE RESTRICT,
  course_purchase_id        UUID REFERENCES course_purchases (id) ON DELETE RESTRICT,
  amount                    NUMERIC(10,2) NOT NULL,
  currency                  VARCHAR(3) NOT NULL DEFAULT 'USD',
  transaction_type          VARCHAR(20) NOT NULL,
  status                    VARCHAR(20) NOT NULL,
  payment_method            VARCHAR(50),
  payment_provider          VARCHAR(50) NOT NULL DEFAULT 'stripe',
  external_transaction_id   VARCHAR(100),
  external_invoice_id       VARCHAR(100),
  metadata                  JSONB NOT NULL DEFAULT '{}',
  created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),

  -- Refunds and chargebacks carry a positive amount; transaction_type gives the direction.
  CONSTRAINT valid_amount CHECK (amount > 0),
  CONSTRAINT valid_transaction_currency CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT valid_transaction_type CHECK (transaction_type IN ('payment', 'refund', 'chargeback')),
  CONSTRAINT valid_transaction_status CHECK (status IN ('pending', 'completed', 'failed')),
  -- A transaction pays for exactly one thing.
  CONSTRAINT transaction_has_one_subject CHECK (num_nonnulls(subscription_id, course_purchase_id) = 1)
);

CREATE INDEX idx_transactions_user_created ON payment_transactions (user_id, created_at);
CREATE INDEX idx_transactions_subscription ON payment_transactions (subscription_id);
CREATE INDEX idx_transactions_purchase ON payment_transactions (course_purchase_id);
