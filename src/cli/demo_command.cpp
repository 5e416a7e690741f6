// subdesk-cli db demo [--subscribers N] [--seed S] [--as-of DATE]
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/command.h"
#include "core/demo/calendar.h"
#include "core/demo/demo_generator.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

template <typename T>
bool parseNumber(const std::string& text, T& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// "YYYY-MM-DD" (noon UTC) or "YYYY-MM-DD HH:MM[:SS]" / "YYYY-MM-DDTHH:MM[:SS]" in UTC.
bool parseAsOf(const std::string& text, std::int64_t& seconds) {
  int y = 0;
  unsigned mo = 0, d = 0, h = 12, mi = 0, s = 0;
  char sep = 0;
  const int n = std::sscanf(text.c_str(), "%4d-%2u-%2u%c%2u:%2u:%2u", &y, &mo, &d, &sep, &h, &mi, &s);
  if (n != 3 && n < 6) return false;
  if (n == 3) h = 12;
  if (n >= 6 && sep != ' ' && sep != 'T') return false;
  if (y < 2010 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return false;
  seconds = demo::daysFromCivil(y, mo, d) * demo::kSecondsPerDay + h * 3600 + mi * 60 + s;
  return true;
}

class DbDemo : public Command {
 public:
  std::string name() const override { return "db demo"; }
  std::string usage() const override { return "[--subscribers N] [--seed S] [--as-of DATE]"; }
  std::string summary() const override {
    return tr("fill an empty database with deterministic demo data (superuser connection)");
  }
  void defineOptions(Poco::Util::OptionSet& options) override {
    addOption(options, "subscribers", tr("number of subscribers (default 100000)"), "N");
    addOption(options, "seed", tr("seed of the random data: the same seed gives the same data (default 1)"),
              "S");
    addOption(options, "as-of",
              tr("the data's \"now\", YYYY-MM-DD[ HH:MM:SS] in UTC (default: the current time)"), "DATE");
  }
  int run(Context& ctx) override {
    demo::Options options;
    const std::string subscribers = ctx.config.getString("cmd.subscribers", "100000");
    const std::string seed = ctx.config.getString("cmd.seed", "1");
    const std::string asOf = ctx.config.getString("cmd.as-of", "");
    if (!parseNumber(subscribers, options.subscribers) || options.subscribers < 1 ||
        options.subscribers > demo::DemoGenerator::kMaxSubscribers) {
      ctx.err << "subdesk-cli: "
              << format(tr("--subscribers must be a whole number from 1 to {0}"),
                        {std::to_string(demo::DemoGenerator::kMaxSubscribers)})
              << '\n';
      return 2;
    }
    if (!parseNumber(seed, options.seed)) {
      ctx.err << "subdesk-cli: " << tr("--seed must be a non-negative whole number") << '\n';
      return 2;
    }
    if (!asOf.empty() && !parseAsOf(asOf, options.asOf)) {
      ctx.err << "subdesk-cli: " << tr("--as-of must be a date YYYY-MM-DD, optionally with HH:MM:SS") << '\n';
      return 2;
    }

    auto sql = ctx.connect();
    demo::DemoGenerator generator(*sql);
    demo::Summary summary;
    try {
      summary = generator.run(options, [&](const std::string& stage, long done, long total) {
        ctx.out << stage << ' ' << done << '/' << total << std::endl;
      });
    } catch (const UserError& e) {
      ctx.err << "subdesk-cli: " << e.what() << '\n';
      return 1;
    }
    for (const auto& [table, rows] : summary.rows) {
      std::string line = table + ' ';
      line.resize(std::max<std::size_t>(line.size(), 22), ' ');
      ctx.out << line << rows << '\n';
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", summary.seconds);
    ctx.out << format(tr("Demo data loaded in {0} s."), {seconds}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(DbDemo)

}  // namespace
}  // namespace subdesk::cli
