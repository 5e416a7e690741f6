// The pages of the contract signing wizard; the flow between them is in
// home_contract_wizard.cpp.
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "desk_format.h"
#include "home_contract_wizard.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

const char* const kDocKinds[] = {"passport", "id_card", "foreign_passport", "residence_permit"};

wxStaticText* label(wxWindow* parent, const wxString& text) {
  return new wxStaticText(parent, wxID_ANY, text);
}

// A two-column grid of "label: control" rows.
wxFlexGridSizer* formGrid() {
  auto* grid = new wxFlexGridSizer(2, wxSize(12, 6));
  grid->AddGrowableCol(1, 1);
  return grid;
}

void addRow(wxFlexGridSizer* grid, wxWindow* parent, const wxString& text, wxWindow* control) {
  grid->Add(label(parent, text), wxSizerFlags().CentreVertical());
  grid->Add(control, wxSizerFlags().Expand());
}

wxString docKindWord(const std::string& kind) {
  if (kind == "passport") return _("passport");
  if (kind == "id_card") return _("ID card");
  if (kind == "foreign_passport") return _("foreign passport");
  return _("residence permit");
}

}  // namespace

wxWindow* HomeContractWizard::makeCustomerPage() {
  auto* page = new wxPanel(book_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(page, _("Who signs the contract?")), wxSizerFlags().Border(wxBOTTOM, 8));
  sizer->Add(label(page, _("Search first: a number, a personal account, a name or an ID document.")));

  auto* searchRow = new wxBoxSizer(wxHORIZONTAL);
  query_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(360, -1)),
                          wxTE_PROCESS_ENTER);
  query_->SetHint(_("e.g. 067 123 45 67 or Коваленко Олена"));
  auto* find = new wxButton(page, wxID_ANY, _("&Find"));
  searchRow->Add(query_, wxSizerFlags(1).CentreVertical());
  searchRow->Add(find, wxSizerFlags().Border(wxLEFT, 6));
  sizer->Add(searchRow, wxSizerFlags().Expand().Border(wxTOP, 6));
  query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
  find->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { search(); });

  hits_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  hits_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(260));
  hits_->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, FromDIP(110));
  hits_->AppendColumn(_("Number or login"), wxLIST_FORMAT_LEFT, FromDIP(150));
  sizer->Add(hits_, wxSizerFlags().Expand().Border(wxTOP, 6));
  searchNote_ = label(page, wxString());
  sizer->Add(searchNote_, wxSizerFlags().Border(wxTOP, 4));
  hits_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { useFound_->SetValue(true); });

  useFound_ = new wxRadioButton(page, wxID_ANY, _("Sign for the customer selected above"), wxDefaultPosition,
                                wxDefaultSize, wxRB_GROUP);
  useNew_ = new wxRadioButton(page, wxID_ANY, _("A new customer:"));
  useNew_->SetValue(true);
  sizer->Add(useFound_, wxSizerFlags().Border(wxTOP, 10));
  sizer->Add(useNew_, wxSizerFlags().Border(wxTOP, 4));

  auto* grid = formGrid();
  lastName_ = new wxTextCtrl(page, wxID_ANY);
  firstName_ = new wxTextCtrl(page, wxID_ANY);
  patronymic_ = new wxTextCtrl(page, wxID_ANY);
  birthDate_ = new wxTextCtrl(page, wxID_ANY);
  birthDate_->SetHint(_("DD.MM.YYYY"));
  auto* docRow = new wxBoxSizer(wxHORIZONTAL);
  docKind_ = new wxChoice(page, wxID_ANY);
  for (const char* kind : kDocKinds) docKind_->Append(docKindWord(kind));
  docKind_->SetSelection(0);
  docNumber_ = new wxTextCtrl(page, wxID_ANY);
  docRow->Add(docKind_);
  docRow->Add(docNumber_, wxSizerFlags(1).Border(wxLEFT, 6));
  contactPhone_ = new wxTextCtrl(page, wxID_ANY);
  email_ = new wxTextCtrl(page, wxID_ANY);
  addRow(grid, page, _("Last name:"), lastName_);
  addRow(grid, page, _("First name:"), firstName_);
  addRow(grid, page, _("Patronymic:"), patronymic_);
  addRow(grid, page, _("Born:"), birthDate_);
  grid->Add(label(page, _("ID document:")), wxSizerFlags().CentreVertical());
  grid->Add(docRow, wxSizerFlags().Expand());
  addRow(grid, page, _("Contact phone:"), contactPhone_);
  addRow(grid, page, _("E-mail:"), email_);
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxTOP, 8));
  // Typing a new customer's details chooses "a new customer".
  for (wxTextCtrl* field : {lastName_, firstName_, patronymic_, birthDate_, docNumber_, contactPhone_, email_}) {
    field->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
      if (!static_cast<wxTextCtrl*>(e.GetEventObject())->IsEmpty()) useNew_->SetValue(true);
      e.Skip();
    });
  }
  page->SetSizer(sizer);
  return page;
}

wxWindow* HomeContractWizard::makeDuplicatesPage() {
  auto* page = new wxPanel(book_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(page, _("This customer may already exist")), wxSizerFlags().Border(wxBOTTOM, 8));
  auto* note = label(page, _("These customers have the same name and birth date, or the same ID document. "
                             "Ask the customer, then choose."));
  note->Wrap(FromDIP(560));
  sizer->Add(note);
  duplicates_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 140)),
                               wxLC_REPORT | wxLC_SINGLE_SEL);
  duplicates_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
  duplicates_->AppendColumn(_("Born"), wxLIST_FORMAT_LEFT, FromDIP(90));
  duplicates_->AppendColumn(_("Address"), wxLIST_FORMAT_LEFT, FromDIP(180));
  duplicates_->AppendColumn(_("The same"), wxLIST_FORMAT_LEFT, FromDIP(150));
  sizer->Add(duplicates_, wxSizerFlags().Expand().Border(wxTOP, 8));
  takeDuplicate_ = new wxRadioButton(page, wxID_ANY, _("It is the customer selected above: sign for them"),
                                     wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
  confirmNew_ = new wxRadioButton(page, wxID_ANY, _("It is another person: create a new customer"));
  sizer->Add(takeDuplicate_, wxSizerFlags().Border(wxTOP, 10));
  sizer->Add(confirmNew_, wxSizerFlags().Border(wxTOP, 4));
  duplicates_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { takeDuplicate_->SetValue(true); });
  page->SetSizer(sizer);
  return page;
}

wxWindow* HomeContractWizard::makeConnectionPage() {
  auto* page = new wxPanel(book_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(page, _("Connection")), wxSizerFlags().Border(wxBOTTOM, 8));
  auto* grid = formGrid();
  address_ = new wxTextCtrl(page, wxID_ANY);
  address_->SetHint(_("city, street, house, flat"));
  tariff_ = new wxChoice(page, wxID_ANY);
  family_ = new wxTextCtrl(page, wxID_ANY);
  family_->SetHint(_("optional: a mobile number of the family"));
  addRow(grid, page, _("Address:"), address_);
  addRow(grid, page, _("Tariff:"), tariff_);
  addRow(grid, page, _("Family line:"), family_);
  sizer->Add(grid, wxSizerFlags().Expand());

  sizer->Add(label(page, _("Login:")), wxSizerFlags().Border(wxTOP, 12));
  loginIsAccount_ = new wxRadioButton(page, wxID_ANY, _("the personal account number (issued at signing)"),
                                      wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
  auto* chosenRow = new wxBoxSizer(wxHORIZONTAL);
  loginChosen_ = new wxRadioButton(page, wxID_ANY, _("chosen by the customer:"));
  login_ = new wxTextCtrl(page, wxID_ANY);
  login_->SetHint(_("3-32 small Latin letters, digits, . - _"));
  chosenRow->Add(loginChosen_, wxSizerFlags().CentreVertical());
  chosenRow->Add(login_, wxSizerFlags(1).Border(wxLEFT, 6));
  sizer->Add(loginIsAccount_, wxSizerFlags().Border(wxLEFT | wxTOP, 6));
  sizer->Add(chosenRow, wxSizerFlags().Expand().Border(wxLEFT | wxTOP, 6));
  login_->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
    loginChosen_->SetValue(!login_->IsEmpty());
    loginIsAccount_->SetValue(login_->IsEmpty());
    e.Skip();
  });
  page->SetSizer(sizer);
  return page;
}

wxWindow* HomeContractWizard::makeSummaryPage() {
  auto* page = new wxPanel(book_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(page, _("Check and sign")), wxSizerFlags().Border(wxBOTTOM, 8));
  summary_ = label(page, wxString());
  sizer->Add(summary_, wxSizerFlags().Expand());
  auto* note = label(page, _("Signing creates the personal account, the contract and the login. The password is "
                             "printed only on the contract sheet you save next; it is not shown on screen."));
  note->Wrap(FromDIP(560));
  sizer->Add(note, wxSizerFlags().Border(wxTOP, 16));
  page->SetSizer(sizer);
  return page;
}

wxWindow* HomeContractWizard::makeDonePage() {
  auto* page = new wxPanel(book_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(page, _("The contract is signed")), wxSizerFlags().Border(wxBOTTOM, 8));
  done_ = label(page, wxString());
  sizer->Add(done_, wxSizerFlags().Expand());
  auto* printing = new wxBoxSizer(wxHORIZONTAL);
  previewSheet_ = new wxButton(page, wxID_ANY, _("Print pre&view…"));
  printSheet_ = new wxButton(page, wxID_ANY, _("&Print the sheet…"));
  printing->Add(previewSheet_, wxSizerFlags().Border(wxRIGHT, 8));
  printing->Add(printSheet_, wxSizerFlags());
  sizer->Add(printing, wxSizerFlags().Border(wxTOP, 12));
  page->SetSizer(sizer);
  return page;
}

void HomeContractWizard::fillSummary() {
  const auto q = request();
  wxString text = _("Customer:") + " " + customerLine() + "\n";
  if (!q.customerId) {
    text += _("ID document:") + " " + docKindWord(q.person.docKind) + " " + wxString::FromUTF8(q.person.docNumber) +
            "\n";
    if (!q.person.contactPhone.empty()) text += _("Contact phone:") + " " + wxString::FromUTF8(q.person.contactPhone) + "\n";
    if (!q.person.email.empty()) text += _("E-mail:") + " " + wxString::FromUTF8(q.person.email) + "\n";
  }
  text += _("Address:") + " " + wxString::FromUTF8(q.address) + "\n";
  const int t = tariff_->GetSelection();
  if (t != wxNOT_FOUND) text += _("Tariff:") + " " + tariff_->GetString(static_cast<unsigned>(t)) + "\n";
  text += _("Family line:") + " " + (q.familyMsisdn.empty() ? _("none") : wxString::FromUTF8(q.familyMsisdn)) + "\n";
  text += _("Login:") + " " +
          (q.login.empty() ? _("the personal account number") : wxString::FromUTF8(q.login));
  summary_->SetLabel(text);
}

services::ContractRequest HomeContractWizard::request() const {
  services::ContractRequest q;
  q.customerId = customerId_;
  if (!customerId_) {
    q.person.lastName = lastName_->GetValue().Strip(wxString::both).utf8_string();
    q.person.firstName = firstName_->GetValue().Strip(wxString::both).utf8_string();
    q.person.patronymic = patronymic_->GetValue().Strip(wxString::both).utf8_string();
    // DD.MM.YYYY as people write it; the core takes YYYY-MM-DD (and says so otherwise).
    wxString born = birthDate_->GetValue().Strip(wxString::both);
    if (born.length() == 10 && born[2] == '.' && born[5] == '.') born = born.Mid(6, 4) + "-" + born.Mid(3, 2) + "-" + born.Mid(0, 2);
    q.person.birthDate = born.utf8_string();
    q.person.docKind = kDocKinds[std::max(0, docKind_->GetSelection())];
    q.person.docNumber = docNumber_->GetValue().Strip(wxString::both).utf8_string();
    q.person.contactPhone = contactPhone_->GetValue().Strip(wxString::both).utf8_string();
    q.person.email = email_->GetValue().Strip(wxString::both).utf8_string();
    q.duplicateConfirmed = duplicateConfirmed_;
  }
  q.address = address_->GetValue().Strip(wxString::both).utf8_string();
  const int t = tariff_->GetSelection();
  if (t != wxNOT_FOUND && static_cast<std::size_t>(t) < tariffs_.size()) q.tariffCode = tariffs_[static_cast<std::size_t>(t)].code;
  q.familyMsisdn = family_->GetValue().Strip(wxString::both).utf8_string();
  if (loginChosen_->GetValue()) q.login = login_->GetValue().Strip(wxString::both).Lower().utf8_string();
  return q;
}

wxString HomeContractWizard::customerLine() const {
  if (customerId_) return customerName_;
  wxString name = lastName_->GetValue().Strip(wxString::both) + " " + firstName_->GetValue().Strip(wxString::both);
  if (!patronymic_->IsEmpty()) name += " " + patronymic_->GetValue().Strip(wxString::both);
  return wxString::Format(_("%s, born %s (new customer)"), name, birthDate_->GetValue().Strip(wxString::both));
}

}  // namespace subdesk::ui
