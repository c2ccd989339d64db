// The lesson panel and the presenter notes: the open lesson's narrative at the current checkpoint, progress (k
// of n), previous / next / reset, the questions (choose, then reveal the machine's answer beside the student's),
// a "you are the scheduler" goal, and for interviewers the notes and interview questions in their own panel.
// Its state holds the lessons on offer (LessonShelf) with the one open now.
#pragma once

#include <string>

#include "../layout.h"
#include "../explore_job.h"
#include "../lesson_shelf.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct LessonPanelState {
  LessonShelf shelf;
  lessons::Lang lang = lessons::Lang::En;
  bool map_open = false;    // the map of the path covers the studio
  bool show_notes = true;   // the presenter notes panel (hidden for students who want the room)
  std::string error;        // a lesson that could not open, or a checkpoint it does not have
  bool open() const { return shelf.current() != nullptr; }
  // "You are the scheduler": the explorer's answer to the checkpoint's goal (a schedule that reaches it).
  ExploreJob answer;
  std::string answer_text;
  std::optional<explore::ScheduleFile> answer_schedule;
};

// Opens lesson `name` at `checkpoint` (-1: its introduction) and closes the map; `error` says why not.
bool open_lesson(StudioModel& model, LessonPanelState& s, const std::string& name, int checkpoint = -1);

// What the panel did to the machine this frame: the frame sets the suggested step kind after a move.
struct LessonPanelResult {
  bool moved = false;
  bool compare = false;  // the student asked to compare the runs the lesson's claims compare
};
LessonPanelResult draw_lesson_panel(StudioModel& model, LessonPanelState& s, const PanelContext& ctx, const Rect& r);
void draw_presenter_notes(LessonPanelState& s, const PanelContext& ctx, const Rect& r);

// The lesson keys (kept out of the studio's own): PageDown/PageUp or Shift+Right/Left the next and previous
// checkpoint, Home back to the lesson's start. True when the machine moved.
bool lesson_keys(StudioModel& model, LessonPanelState& s);

}  // namespace gb::ui
