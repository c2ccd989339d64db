// The lesson panel and the presenter notes (lesson_panel.h).
#include "lesson_panel.h"

#include <SFML/Window/Keyboard.hpp>
#include <fmt/format.h>

#include "lesson_text_view.h"
#include "../schedule_open.h"
#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

bool pressed(sf::Keyboard::Key k) {
  return ImGui::IsKeyPressed(static_cast<int>(k));
}

void header(StudioModel& model, LessonPanelState& s, LessonMode& m, LessonPanelResult& out) {
  const lessons::Lesson& L = m.lesson();
  bool fell_back = false;
  const std::string& title = L.title.in(s.lang, &fell_back);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(fmt::format("{}{}. {}", fell_back ? "[EN] " : "", L.order, title).c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("%s", fmt::format("{} · {}", L.level, L.id).c_str());
  // Progress: the introduction is 0 of n, checkpoint k is k of n.
  const int k = m.at() + 1, n = m.count();
  const std::string progress = m.at() < 0 ? fmt::format("{} · 0 / {}", tr(Str::LessonIntroduction), n)
                                          : fmt::format("{} {} / {}", tr(Str::LessonCheckpoint), k, n);
  ImGui::ProgressBar(n > 0 ? static_cast<float>(k) / static_cast<float>(n) : 0.0f, ImVec2(-1.0f, 0.0f),
                     progress.c_str());
  const bool on_track = m.on_track(model);
  ImGui::BeginDisabled(!on_track || m.at() < 0);
  if (ImGui::Button(tr(Str::LessonPrevious))) out.moved |= m.previous(model);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("PageUp, Shift+Left");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!on_track || m.at() + 1 >= m.reachable());
  if (ImGui::Button(tr(Str::LessonNext))) out.moved |= m.next(model);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("PageDown, Shift+Right");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::LessonReset))) {
    m.reset(model);
    out.moved = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Home");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::LessonMap))) s.map_open = true;
  ImGui::SameLine();
  ImGui::Checkbox(tr(Str::LessonNotes), &s.show_notes);
  if (!m.claim_pairs().empty()) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::MenuCompare))) out.compare = true;
  }
  if (!on_track) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kLostUpdate));
    ImGui::TextWrapped("%s", tr(Str::LessonOffTrack));
    ImGui::PopStyleColor();
  }
}

void problems(const LessonPanelState& s, const LessonMode& m) {
  if (m.problems().empty() && m.failures().empty() && s.error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
  if (!s.error.empty()) ImGui::TextWrapped("%s", s.error.c_str());
  const std::size_t n = m.problems().size() + m.failures().size();
  if (n > 0 && ImGui::TreeNode("##problems", "%s", fmt::format("{} {}", n, tr(Str::LessonProblemSInThis)).c_str())) {
    for (const lessons::Problem& p : m.problems()) ImGui::TextWrapped("%s", p.text().c_str());
    for (const std::string& f : m.failures()) ImGui::TextWrapped("%s", f.c_str());
    ImGui::TreePop();
  }
  ImGui::PopStyleColor();
}

// The explorer's answer: a schedule from the program's start that reaches the goal, found in the background
// (ui/explore_job.h) and opened in the studio on request, at the moment the goal is reached.
void explorer_answer(StudioModel& model, LessonPanelState& s, const LessonMode& m) {
  if (std::optional<ExploreJob::Outcome> out = s.answer.take_outcome()) {
    if (out->schedule) {
      s.answer_schedule = out->schedule;
      s.answer_text = trf(Str::LessonExplorerFound, out->result.schedules, out->result.found->preemptions);
    } else {
      s.answer_text = trf(Str::LessonExplorerNone, out->result.schedules);
    }
  }
  if (s.answer.running()) {
    const explore::ExploreProgress p = s.answer.progress();
    ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1.0f, 0.0f),
                       trf(Str::LessonExplorerSearching, p.schedules).c_str());
  } else if (ImGui::Button(tr(Str::LessonExplorerAnswer))) {
    ExploreRequest req;
    req.preemption_bound = 2;
    req.max_schedules = 5'000;
    req.until = m.goal();
    s.answer_schedule.reset();
    s.answer_text.clear();
    if (!s.answer.start(model, req)) s.answer_text = s.answer.error();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::LessonExplorerAnswerTip));
  if (!s.answer_text.empty()) ImGui::TextWrapped("%s", s.answer_text.c_str());
  if (s.answer_schedule && ImGui::Button(tr(Str::LessonExplorerOpen))) {
    StudioConfig c = model.config();
    if (auto error = apply_schedule(*s.answer_schedule, model.text(), c)) {
      s.answer_text = *error;
    } else {
      model.set_config(c);
      if (s.answer_schedule->at != 0) model.seek(s.answer_schedule->at);
    }
    s.answer_schedule.reset();
  }
}

void goal(StudioModel& model, LessonPanelState& s, LessonMode& m) {
  if (m.goal().empty()) return;
  ImGui::Separator();
  const ImVec4 colour = m.goal_reached() ? to_vec4(kOkText) : to_vec4(kBusActive);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", fmt::format("{} {}", tr(Str::LessonYouAreTheScheduler), m.goal()).c_str());
  ImGui::PopStyleColor();
  if (m.goal_reached()) {
    text_coloured(kOkText, tr(Str::LessonReachedTheMachineDid));
    return;
  }
  ImGui::TextWrapped("%s", tr(Str::LessonSchedulerHowTo));
  const StepKind kind = parse_step_kind(m.suggested_step()).value_or(StepKind::Instruction);
  const std::vector<CoreChoice> choices = model.scheduler_choices();
  if (choices.empty())
    ImGui::TextDisabled("%s", tr(Str::LessonNoGoroutineIsOn));
  for (const CoreChoice& c : choices) {
    ImGui::PushID(c.core);
    const std::string label =
        fmt::format("G{} {} {} · {} {}", c.g, tr(Str::LessonOnCore), c.core, tr(Str::LessonLine), c.line);
    if (ImGui::Button(label.c_str())) {
      model.step_on(c.core, kind);
      m.after_step(model);
    }
    ImGui::PopID();
  }
  explorer_answer(model, s, m);
}

void question(LessonPanelState& s, LessonMode& m, const lessons::Question& q, const PanelContext& ctx) {
  ImGui::PushID(q.id.c_str());
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kBusActive));
  ImGui::TextUnformatted(tr(Str::LessonPredict));
  ImGui::PopStyleColor();
  draw_lesson_text(m.ask(q), ctx.common);
  const std::vector<std::string>& choices = q.choices_in(s.lang);
  const std::optional<int> chosen = m.chosen(q.id);
  const bool shown = m.revealed(q.id);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const int index = static_cast<int>(i);
    ImGui::BeginDisabled(shown);
    if (ImGui::RadioButton(choices[i].c_str(), chosen == index)) m.choose(q.id, index);
    ImGui::EndDisabled();
  }
  if (!shown) {
    ImGui::BeginDisabled(!choices.empty() && !chosen);
    if (ImGui::Button(tr(Str::LessonRevealTheMachineS))) m.reveal(q.id);
    ImGui::EndDisabled();
    ImGui::PopID();
    return;
  }
  ImGui::TextUnformatted(fmt::format("{} {}", tr(Str::LessonTheMachine), m.machine_answer(q)).c_str());
  const int right = q.correct_index();
  if (chosen && right >= 0 && static_cast<std::size_t>(right) < choices.size()) {
    if (*chosen == right)
      text_coloured(kOkText, tr(Str::LessonYouPredictedIt));
    else
      text_coloured(kLostUpdate, fmt::format("{} {}", tr(Str::LessonNotQuiteTheAnswer),
                                             choices[static_cast<std::size_t>(right)])
                                     .c_str());
  }
  const std::string why = m.why(q);
  if (!why.empty()) draw_lesson_text(why, ctx.common);
  ImGui::PopID();
}

}  // namespace

bool open_lesson(StudioModel& model, LessonPanelState& s, const std::string& name, int checkpoint) {
  s.error.clear();
  const bool ok = s.shelf.open(name, model, s.lang, checkpoint, s.error);
  if (ok) s.map_open = false;
  return ok;
}

LessonPanelResult draw_lesson_panel(StudioModel& model, LessonPanelState& s, const PanelContext& ctx,
                                    const Rect& r) {
  LessonPanelResult out;
  LessonMode* m = s.shelf.current();
  if (m == nullptr) return out;
  if (begin_panel(fmt::format("{}###lesson", tr(Str::LessonLesson)).c_str(), r)) {
    header(model, s, *m, out);
    problems(s, *m);
    ImGui::Separator();
    ImGui::BeginChild("##lesson-text", ImVec2(0, 0), false);
    if (m->fell_back()) ImGui::TextDisabled("[EN] %s", tr(Str::LessonNotTranslatedYet));
    draw_lesson_text(m->narrative(), ctx.common);
    goal(model, s, *m);
    for (const lessons::Question* q : m->questions()) question(s, *m, *q, ctx);
    if (m->at() >= 0) {
      ImGui::Separator();
      ImGui::TextDisabled("%s", fmt::format("{} {}", tr(Str::LessonSuggestedStepFromHere),
                                            m->suggested_step())
                                    .c_str());
    }
    ImGui::EndChild();
  }
  ImGui::End();
  return out;
}

void draw_presenter_notes(LessonPanelState& s, const PanelContext& ctx, const Rect& r) {
  const LessonMode* m = s.shelf.current();
  if (m == nullptr || !s.show_notes) return;
  if (begin_panel(fmt::format("{}###notes", tr(Str::LessonPresenterNotes)).c_str(), r)) {
    const lessons::Lesson& L = m->lesson();
    bool fb = false;
    draw_lesson_text(L.notes.in(s.lang, &fb), ctx.common);
    if (!L.interview.empty()) {
      ImGui::Separator();
      ImGui::TextUnformatted(tr(Str::LessonInterviewQuestions));
      for (const lessons::InterviewQuestion& q : L.interview) {
        ImGui::PushID(q.id.c_str());
        if (ImGui::TreeNode("##q", "%s", q.ask.in(s.lang, &fb).c_str())) {
          draw_lesson_text(q.answer.in(s.lang, &fb), ctx.common);
          ImGui::TreePop();
        }
        ImGui::PopID();
      }
    }
  }
  ImGui::End();
}

bool lesson_keys(StudioModel& model, LessonPanelState& s) {
  LessonMode* m = s.shelf.current();
  const ImGuiIO& io = ImGui::GetIO();
  if (m == nullptr || io.WantTextInput || io.KeyCtrl || io.KeyAlt) return false;
  if (pressed(sf::Keyboard::PageDown) || (io.KeyShift && pressed(sf::Keyboard::Right))) return m->next(model);
  if (pressed(sf::Keyboard::PageUp) || (io.KeyShift && pressed(sf::Keyboard::Left))) return m->previous(model);
  if (pressed(sf::Keyboard::Home)) {
    m->reset(model);
    return true;
  }
  return false;
}

}  // namespace gb::ui
