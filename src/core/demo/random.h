#pragma once
// Deterministic randomness for the demo data. Every entity (customer i, line j, account k)
// draws from its own stream seeded by (seed, stream, index), so what an entity looks like
// depends neither on the order in which entities are generated nor on how the work might be
// split between threads; and two stages that need the same facts about an entity (the CDR
// stage and the ledger stage both need a line's roaming trip) regenerate them instead of
// keeping them in memory. std::random_device is never used.
#include <cstddef>
#include <cstdint>
#include <span>

namespace subdesk::demo {

// One stream per kind of fact; never renumber, or every seed's data change.
enum class Stream : std::uint64_t {
  Model = 1,   // per customer: how many accounts and lines, since when
  Person,      // per customer: names, documents, e-mail
  Household,   // per family root: surname and address shared by a family
  Cdr,         // per line: call detail records
  Money,       // per account: payments, turbo, bonus transfers
  Service,     // per line: add-on subscriptions, promotions, roaming trip
  Sim,         // per SIM: PUK, swaps
  Home,        // per home-internet account: suspension, turbo
  Identifier,  // per seed: offsets of the number plans
};

// splitmix64's finaliser: a bijective 64-bit mixer with good avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index)
      : state_(mix64(mix64(mix64(seed) + static_cast<std::uint64_t>(stream)) + index)) {}

  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;  // splitmix64
    return mix64(state_);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n); n > 0 and well below 2^53, which is all the generator needs.
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
  }
  // Uniform in [lo, hi]; returns lo when hi < lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return hi <= lo ? lo : lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  bool chance(double p) { return uniform() < p; }
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  // An index drawn with the given (positive) weights.
  std::size_t weighted(std::span<const int> weights) {
    long total = 0;
    for (int w : weights) total += w;
    long r = static_cast<long>(below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.size() - 1;
  }
  // n decimal digits as a number (leading zeros allowed).
  std::uint64_t digits(int n) {
    std::uint64_t limit = 1;
    for (int i = 0; i < n; ++i) limit *= 10;
    return below(limit);
  }

 private:
  std::uint64_t state_;
};

}  // namespace subdesk::demo
