#include "radius_server.h"

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace subdesk::test {

namespace fs = std::filesystem;

namespace {
void writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}
}  // namespace

unsigned short testServerTcpPort() {
  const char* p = std::getenv("SUBDESK_TEST_PORT");
  if (!p) throw std::runtime_error("SUBDESK_TEST_PORT is not set (scripts/test sets it)");
  return static_cast<unsigned short>(std::stoi(p));
}

std::string RadiusReply::attribute(const std::string& name) const {
  const std::regex re("\\b" + name + " = \"?([^\"\\n]*)\"?");
  std::smatch m;
  return std::regex_search(output, m, re) ? m[1].str() : std::string{};
}

FreeRadius::FreeRadius(const std::string& dir, const RadiusDatabase& db)
    : dir_(dir), db_(db), authPort_(freeLoopbackPort()) {}

FreeRadius::~FreeRadius() { stop(); }

// The queries are FreeRADIUS's own (queries.conf for PostgreSQL), with the tables pointed
// at the views of migration 0021: the state is computed at each request.
std::string FreeRadius::sqlModule(const RadiusDatabase& db) {
  return R"(sql {
	dialect = "postgresql"
	driver = "rlm_sql_postgresql"
	postgresql {
		send_application_name = yes
	}
	server = ")" + db.host + R"("
	port = )" + std::to_string(db.port) + R"(
	login = ")" + db.login + R"("
	password = ")" + db.password + R"("
	radius_db = ")" + db.name + R"("
	read_clients = no
	read_groups = yes
	read_profiles = no
	delete_stale_sessions = no
	acct_table1 = "radacct"
	acct_table2 = "radacct"
	postauth_table = "radpostauth"
	authcheck_table = "radcheck"
	authreply_table = "radius_reply"
	groupcheck_table = "radgroupcheck"
	groupreply_table = "radgroupreply"
	usergroup_table = "radius_usergroup"
	client_table = "nas"
	group_attribute = "SQL-Group"
	sql_user_name = "%{User-Name}"
	# One connection per request: the test moves the database clock per login role
	# (ALTER ROLE ... SET subdesk.test_now), which a new connection picks up.
	pool {
		start = 0
		min = 0
		max = 4
		spare = 1
		uses = 1
		retry_delay = 1
		lifetime = 0
		idle_timeout = 0
	}
	authorize_check_query = "SELECT id, UserName, Attribute, Value, Op FROM ${authcheck_table} WHERE Username = '%{SQL-User-Name}' ORDER BY id"
	authorize_reply_query = "SELECT id, UserName, Attribute, Value, Op FROM ${authreply_table} WHERE Username = '%{SQL-User-Name}' ORDER BY id"
	group_membership_query = "SELECT GroupName FROM ${usergroup_table} WHERE UserName = '%{SQL-User-Name}' ORDER BY priority"
	authorize_group_check_query = "SELECT id, GroupName, Attribute, Value, op FROM ${groupcheck_table} WHERE GroupName = '%{${group_attribute}}' ORDER BY id"
	authorize_group_reply_query = "SELECT id, GroupName, Attribute, Value, op FROM ${groupreply_table} WHERE GroupName = '%{${group_attribute}}' ORDER BY id"
	simul_count_query = "SELECT COUNT(RadAcctId) FROM ${acct_table1} WHERE UserName = '%{SQL-User-Name}' AND AcctStopTime IS NULL"
}
)";
}

void FreeRadius::writeConfig() const {
  for (const char* sub : {"mods-enabled", "sites-enabled", "run", "log", "radacct"}) fs::create_directories(dir_ + "/" + sub);
  writeText(dir_ + "/radiusd.conf", R"(prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
raddbdir = )" + dir_ + R"(
confdir = ${raddbdir}
modconfdir = ${confdir}/mods-config
logdir = ${raddbdir}/log
radacctdir = ${raddbdir}/radacct
run_dir = ${raddbdir}/run
db_dir = ${raddbdir}
libdir = /usr/lib/freeradius
pidfile = ${run_dir}/radiusd.pid
name = freeradius
max_request_time = 30
cleanup_delay = 0
max_requests = 1024
hostname_lookups = no
log {
	destination = stdout
	colourise = no
	auth = yes
	auth_badpass = no
	auth_goodpass = no
}
security {
	allow_core_dumps = no
	max_attributes = 200
	reject_delay = 0
	status_server = no
}
thread pool {
	start_servers = 2
	max_servers = 4
	min_spare_servers = 1
	max_spare_servers = 2
	max_requests_per_server = 0
	auto_limit_acct = no
}
$INCLUDE clients.conf
modules {
	$INCLUDE mods-enabled/
}
instantiate {
}
policy {
}
$INCLUDE sites-enabled/
)");
  writeText(dir_ + "/clients.conf", std::string(R"(client localhost {
	ipaddr = 127.0.0.1
	secret = )") + kSecret + R"(
	require_message_authenticator = no
	nas_type = other
}
)");
  writeText(dir_ + "/dictionary", "# local dictionary: nothing added\n");
  writeText(dir_ + "/mods-enabled/pap", "pap {\n\tnormalise = yes\n}\n");
  writeText(dir_ + "/mods-enabled/sql", sqlModule(db_));
  ::chmod((dir_ + "/mods-enabled/sql").c_str(), 0600);
  writeText(dir_ + "/sites-enabled/default", R"(server default {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = )" + std::to_string(authPort_) + R"(
	}
	authorize {
		sql
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
	}
	session {
		sql
	}
}
)");
  // FreeRADIUS refuses a world-writable configuration folder.
  ::chmod(dir_.c_str(), 0755);
}

void FreeRadius::start() {
  writeConfig();
  process_ = std::make_unique<ChildProcess>("/usr/sbin/freeradius", std::vector<std::string>{"-X", "-d", dir_},
                                            dir_ + "/log/radiusd.out");
  // -X answers once it printed "Ready to process requests".
  const bool ready = waitUntil(
      [&] { return log().find("Ready to process requests") != std::string::npos || !process_->running(); }, 20s);
  if (!ready || !process_->running()) throw std::runtime_error("FreeRADIUS did not start:\n" + log());
}

void FreeRadius::stop() {
  if (process_ && process_->running()) process_->stop(5s);
}

std::string FreeRadius::log() const { return readFile(dir_ + "/log/radiusd.out"); }

RadiusReply FreeRadius::authenticate(const std::string& user, const std::string& password) const {
  const std::string request = dir_ + "/request.txt";
  writeText(request, "User-Name = \"" + user + "\"\nUser-Password = \"" + password + "\"\nNAS-IP-Address = 127.0.0.1\n");
  const std::string cmd = "radclient -x -t 5 -r 1 -f " + request + " 127.0.0.1:" + std::to_string(authPort_) +
                          " auth " + kSecret + " 2>&1";
  RadiusReply reply;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run radclient");
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) reply.output += buf.data();
  const int status = ::pclose(pipe);
  reply.accepted = status == 0 && reply.output.find("Access-Accept") != std::string::npos;
  reply.answered = reply.output.find("Received Access-") != std::string::npos;
  return reply;
}

}  // namespace subdesk::test
