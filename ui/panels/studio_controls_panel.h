// The studio's controls panel: where the run is, step buttons per granularity, play, restart and the knobs;
// its state is the step kind, which the keys step by too.
#pragma once

#include <cstdint>
#include <string>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct ControlsPanelState {
  StepKind step_kind = StepKind::Statement;  // what Right arrow steps by (the kind last used)
  BusOp step_bus_op = BusOp::BusRdX;         // what a StepKind::BusOp step waits for
  char condition[160] = {};                  // the condition to run until, back to, or break on
  std::string condition_error;               // why the last use of it failed
};

// The argument a step of `kind` takes (StudioModel::step): the chosen bus operation for StepKind::BusOp, else
// 0.
inline std::uint32_t step_arg(StepKind kind, const ControlsPanelState& s) {
  return kind == StepKind::BusOp ? static_cast<std::uint32_t>(s.step_bus_op) : 0u;
}

void draw_studio_controls_panel(StudioModel& model, ControlsPanelState& state, const PanelContext& ctx,
                                const Rect& r);

}  // namespace gb::ui
