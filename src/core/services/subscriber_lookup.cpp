#include "core/services/subscriber_lookup.h"

#include <algorithm>
#include <numeric>

#include "core/util/error.h"

namespace subdesk::services {
namespace {

// The columns of a hit, NULLs already replaced, in SubscriberHit's order.
constexpr const char* kHitColumns =
    "SELECT c.id, a.id, coalesce(l.id, 0), "
    "c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), "
    "a.number, a.kind, coalesce(l.msisdn, ''), coalesce(l.status, a.status), coalesce(h.login, '') ";
constexpr const char* kHitJoins =
    "JOIN account a ON a.customer_id = c.id "
    "LEFT JOIN line l ON l.account_id = a.id AND l.status <> 'closed' "
    "LEFT JOIN home_internet h ON h.account_id = a.id ";

// The fixed WHERE fragment of each key kind: :k1 is the key, :k2 (Account only) the
// alternative mobile number.
const char* whereFor(QueryKind kind) {
  switch (kind) {
    case QueryKind::Msisdn: return "WHERE l.msisdn = :k1 ";
    case QueryKind::Account:
      return "WHERE a.id IN (SELECT id FROM account WHERE number = :k1 "
             "UNION ALL SELECT account_id FROM line WHERE msisdn = :k2 AND status <> 'closed') ";
    case QueryKind::Iccid: return "WHERE l.id IN (SELECT line_id FROM sim WHERE iccid = :k1) ";
    case QueryKind::Contract: return "WHERE a.id IN (SELECT account_id FROM contract WHERE number = :k1) ";
    case QueryKind::Login: return "WHERE a.id IN (SELECT account_id FROM home_internet WHERE login = :k1) ";
    case QueryKind::Document: return "WHERE c.id IN (SELECT customer_ids_by_document(:k1)) ";
    default: return nullptr;
  }
}

// Result columns fetched in one round trip (a one-time query, no server-side prepare).
struct HitColumns {
  explicit HitColumns(int n)
      : customer(n), account(n), line(n), name(n), number(n), kind(n), msisdn(n), status(n), login(n) {}
  void resize(int n) {
    const auto size = static_cast<std::size_t>(n);
    for (auto* v : {&customer, &account, &line}) v->resize(size);
    for (auto* v : {&name, &number, &kind, &msisdn, &status, &login}) v->resize(size);
  }
  std::vector<long long> customer, account, line;
  std::vector<std::string> name, number, kind, msisdn, status, login;

  // Adds the into elements in column order (score last, when asked for); the statement
  // runs when the last copy of st goes out of scope.
  void into(soci::details::once_temp_type& st, std::vector<double>* scores = nullptr) {
    st, soci::into(customer), soci::into(account), soci::into(line), soci::into(name), soci::into(number),
        soci::into(kind), soci::into(msisdn), soci::into(status), soci::into(login);
    if (scores) st, soci::into(*scores);
  }
  std::vector<SubscriberHit> hits(const std::vector<double>* scores) const {
    std::vector<SubscriberHit> out;
    for (std::size_t i = 0; i < customer.size(); ++i) {
      out.push_back({customer[i], account[i], line[i], name[i], number[i], kind[i], msisdn[i], status[i], login[i],
                     scores ? (*scores)[i] : 1.0});
    }
    return out;
  }
};

// Every order of the first three words (surname first or given name first), then the
// rest in the order typed; always six patterns (repeated) to fill the fixed statement.
std::vector<std::string> prefixPatterns(const std::string& name) {
  std::vector<std::string> words;
  for (std::size_t pos = 0; pos <= name.size();) {
    const std::size_t sp = std::min(name.find(' ', pos), name.size());
    if (sp > pos) words.push_back(name.substr(pos, sp - pos));
    pos = sp + 1;
  }
  std::vector<std::string> out;
  const std::size_t head = std::min<std::size_t>(words.size(), 3);
  std::vector<std::size_t> order(head);
  std::iota(order.begin(), order.end(), 0);
  do {
    std::string p;
    for (std::size_t i : order) p += (p.empty() ? "" : " ") + words[i];
    for (std::size_t i = head; i < words.size(); ++i) p += " " + words[i];
    out.push_back(p);
  } while (std::next_permutation(order.begin(), order.end()));
  while (out.size() < 6) out.push_back(out.front());
  return out;
}

}  // namespace

// A key lookup's statement, prepared once, with the values it binds and the columns it fills.
struct SubscriberLookup::Prepared {
  std::string k1, k2;
  int limit = 50;
  HitColumns cols{50};
  std::unique_ptr<soci::statement> st;
};

SubscriberLookup::SubscriberLookup(soci::session& sql) : sql_(sql) {}
SubscriberLookup::~SubscriberLookup() = default;

LookupResult SubscriberLookup::lookup(const std::string& query, int limit) {
  limit = std::clamp(limit, 1, 500);
  const ClassifiedQuery q = classifyQuery(query);
  LookupResult result{q.kind, q.key, {}, false, false};
  switch (q.kind) {
    case QueryKind::Empty:
      return result;
    case QueryKind::Name:
      result.hits = byName(q.key, limit);
      return result;
    case QueryKind::Document:
      try {
        result.hits = byDocument(q.key, limit);
      } catch (const soci::soci_error& e) {
        if (sqlState(e) != "42501") throw;
        result.refused = true;
        return result;
      }
      break;
    default:
      result.hits = byKey(q.kind, q.key, q.alternateMsisdn, limit);
      if (q.kind == QueryKind::Login && result.hits.empty()) {
        // A lower-case latin word that is nobody's login may be a (latin) name.
        result.kind = QueryKind::Name;
        result.hits = byName(q.key, limit);
        return result;
      }
  }
  result.exact = !result.hits.empty() &&
                 std::all_of(result.hits.begin(), result.hits.end(),
                             [&](const SubscriberHit& h) { return h.customerId == result.hits.front().customerId; });
  return result;
}

std::vector<SubscriberHit> SubscriberLookup::find(const std::string& query, int limit) {
  return lookup(query, limit).hits;
}

bool SubscriberLookup::canSearchDocuments() {
  int may = 0;
  sql_ << "SELECT CAST(pg_has_role(session_user, 'subdesk_sales', 'MEMBER') "
          "AND has_function_privilege('customer_ids_by_document(text)', 'EXECUTE') AS int)",
      soci::into(may);
  return may == 1;
}

std::vector<SubscriberHit> SubscriberLookup::byKey(QueryKind kind, const std::string& key, const std::string& key2,
                                                   int limit) {
  auto& p = prepared_[kind];
  if (!p) {
    const std::string where = whereFor(kind);
    const std::string sql = std::string(kHitColumns) + "FROM customer c " + kHitJoins + where +
                            "ORDER BY c.search_name, c.id, a.number, l.msisdn LIMIT :lim";
    auto fresh = std::make_unique<Prepared>();
    Prepared& f = *fresh;
    f.st = std::make_unique<soci::statement>(sql_);
    f.st->exchange(soci::use(f.k1, "k1"));
    if (where.find(":k2") != std::string::npos) f.st->exchange(soci::use(f.k2, "k2"));
    f.st->exchange(soci::use(f.limit, "lim"));
    for (auto* v : {&f.cols.customer, &f.cols.account, &f.cols.line}) f.st->exchange(soci::into(*v));
    for (auto* v : {&f.cols.name, &f.cols.number, &f.cols.kind, &f.cols.msisdn, &f.cols.status, &f.cols.login}) {
      f.st->exchange(soci::into(*v));
    }
    f.st->alloc();
    f.st->prepare(sql);
    f.st->define_and_bind();
    p = std::move(fresh);
  }
  p->k1 = key;
  p->k2 = key2;
  p->limit = limit;
  p->cols.resize(limit);
  p->st->execute(true);
  if (!p->st->got_data()) p->cols.resize(0);
  return p->cols.hits(nullptr);
}

std::vector<SubscriberHit> SubscriberLookup::byDocument(const std::string& key, int limit) {
  // Rare and audited: a one-time statement, never kept.
  const std::string sql = std::string(kHitColumns) + "FROM customer c " + kHitJoins + whereFor(QueryKind::Document) +
                          "ORDER BY c.search_name, c.id, a.number, l.msisdn LIMIT :lim";
  HitColumns cols(limit);
  {
    auto st = (sql_ << sql, soci::use(key, "k1"), soci::use(limit, "lim"));
    cols.into(st);
  }
  return cols.hits(nullptr);
}

std::vector<SubscriberHit> SubscriberLookup::byName(const std::string& name, int limit) {
  // Each placeholder once (SOCI numbers every occurrence); the patterns and the name are
  // folded into constants by the planner (normalize_name is IMMUTABLE) only in a custom
  // plan, which is what lets the prefix B-tree and the trigram GIN index be used.
  static const std::string sql =
      std::string(kHitColumns) +
      ", s.score FROM ("
      "  SELECT id, max(score) AS score FROM ("
      "    (SELECT id, 1 + (word_similarity(normalize_name(:n1), search_name)"
      "             + similarity(normalize_name(:s1), search_name)) / 2 AS score FROM customer"
      "     WHERE search_name LIKE normalize_name(:p1) || '%' OR search_name LIKE normalize_name(:p2) || '%'"
      "        OR search_name LIKE normalize_name(:p3) || '%' OR search_name LIKE normalize_name(:p4) || '%'"
      "        OR search_name LIKE normalize_name(:p5) || '%' OR search_name LIKE normalize_name(:p6) || '%'"
      "     ORDER BY search_name LIMIT :l1)"
      "    UNION ALL"
      "    (SELECT id, (word_similarity(normalize_name(:n2), search_name)"
      "             + similarity(normalize_name(:s2), search_name)) / 2 FROM customer"
      "     WHERE normalize_name(:n3) <% search_name ORDER BY 2 DESC, id LIMIT :l2)"
      "  ) u GROUP BY id ORDER BY 2 DESC, id LIMIT :l3"
      ") s JOIN customer c ON c.id = s.id " +
      kHitJoins + "ORDER BY s.score DESC, c.search_name, c.id, a.number, l.msisdn LIMIT :l4";
  const std::vector<std::string> p = prefixPatterns(name);
  HitColumns cols(limit);
  std::vector<double> scores(limit);
  soci::transaction tx(sql_);
  // Custom plans for this statement (PLATFORM-NOTES: a generic plan ignores the trigram
  // index), and how close a name must be: "Коваленко Олєна" is 0.81 of "коваленко олена
  // петрівна", "Коваленко Тарас" is below.
  sql_ << "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
          "set_config('pg_trgm.word_similarity_threshold', '0.65', true)";
  {
    auto st = (sql_ << sql, soci::use(name, "n1"), soci::use(p[0], "p1"), soci::use(p[1], "p2"),
               soci::use(p[2], "p3"), soci::use(p[3], "p4"), soci::use(p[4], "p5"), soci::use(p[5], "p6"),
               soci::use(limit, "l1"), soci::use(name, "n2"), soci::use(name, "s1"), soci::use(name, "s2"), soci::use(name, "n3"), soci::use(limit, "l2"),
               soci::use(limit, "l3"), soci::use(limit, "l4"));
    cols.into(st, &scores);
  }
  tx.commit();
  scores.resize(cols.customer.size());
  return cols.hits(&scores);
}

}  // namespace subdesk::services
