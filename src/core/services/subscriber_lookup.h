#pragma once
// Finds subscribers by what the agent typed into the one search box (see
// query_classifier.h for how the text is recognised):
//   Msisdn    the open line with that number
//   Account   the account with that number (and, for nine bare digits that are also a
//             mobile number, the line with that number)
//   Iccid     the open line whose SIM (current or earlier) has that ICCID
//   Contract  the home-internet account of that contract
//   Login     the home-internet account with that login; when none has it, the text is
//             searched as a name
//   Document  the customers with that ID document number, through the audited
//             customer_ids_by_document() (0014): office staff only. For an agent the
//             database refuses (SQLSTATE 42501) and the result says refused, no exception.
//   Name      fuzzy: a prefix match on customer.search_name for every order of the words
//             (surname first or given name first; B-tree text_pattern_ops index) combined
//             with pg_trgm word similarity (the GIN index), so "Коваленко Олєна" finds
//             "Коваленко Олена", whatever the case and apostrophe (' ’ ʼ). Runs in its own
//             transaction with plan_cache_mode = force_custom_plan, so the trigram and prefix
//             indexes are used whatever the statement cache does.
// Every value is bound as a parameter; only fixed SQL fragments are chosen by kind.
//
// Usage (one instance per soci::session, on a worker thread; call outside a transaction):
//   SubscriberLookup lookup(sql);
//   LookupResult r = lookup.lookup("067 123 45 67");
//   if (r.exact) openCard(r.hits.front().cardKey());
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/services/query_classifier.h"

namespace subdesk::services {

// One row of the result list: an account of a customer, with its open line (a mobile
// account with two lines gives two rows).
struct SubscriberHit {
  std::int64_t customerId = 0;
  std::int64_t accountId = 0;
  std::int64_t lineId = 0;    // 0 for an account without an open line (home internet)
  std::string customerName;   // "Коваленко Олена Петрівна"
  std::string accountNumber;  // "123456782"
  std::string accountKind;    // "mobile" | "home"
  std::string msisdn;         // E.164, empty for a home-internet account
  std::string status;         // the line's status, or the account's
  std::string login;          // home-internet login, or empty
  double score = 0;           // name search: the mean of pg_trgm's word_similarity and
                              // similarity (0..1), plus 1 for a prefix match; 1 for key kinds
};

struct LookupResult {
  QueryKind kind = QueryKind::Empty;  // what the query was taken for
  std::string key;                    // the normalised key that was searched
  std::vector<SubscriberHit> hits;    // best first (names) or by name and account
  // A key kind (not Name) whose hits all belong to one customer: the desk opens the
  // card of hits.front() at once.
  bool exact = false;
  // Document search refused for this role (agents); hits is empty.
  bool refused = false;
};

// Key lookups are prepared on the server once per instance and reused: keep one instance
// per session (a worker's) for the speed of a bare prepared SELECT; a temporary works too.
class SubscriberLookup {
 public:
  explicit SubscriberLookup(soci::session& sql);
  ~SubscriberLookup();
  SubscriberLookup(const SubscriberLookup&) = delete;
  SubscriberLookup& operator=(const SubscriberLookup&) = delete;

  // The kind of a query (classifyQuery(query).kind); kept for callers of the first cut.
  static QueryKind classify(const std::string& query) { return classifyQuery(query).kind; }

  // At most limit hits (1..500). Throws soci_error on database errors other than the
  // refused document search.
  LookupResult lookup(const std::string& query, int limit = 50);
  // lookup(query, limit).hits
  std::vector<SubscriberHit> find(const std::string& query, int limit = 50);

  // Whether the session user may search by document number (office staff, sales and up),
  // for the desk to say so before anyone tries.
  bool canSearchDocuments();

 private:
  struct Prepared;
  std::vector<SubscriberHit> byKey(QueryKind kind, const std::string& key, const std::string& key2, int limit);
  std::vector<SubscriberHit> byDocument(const std::string& key, int limit);
  std::vector<SubscriberHit> byName(const std::string& name, int limit);
  soci::session& sql_;
  std::map<QueryKind, std::unique_ptr<Prepared>> prepared_;
};

}  // namespace subdesk::services
