// ComingLab: a tab for a lab not built yet. It says, in one line, what will be there.
#pragma once

#include <memory>
#include <string>

#include "app/labs/lab.h"

namespace gradlab {

class ComingLab : public Lab {
 public:
  explicit ComingLab(std::string note) : note_(std::move(note)) {}
  void reset() override {}
  void draw(const LabFrame& frame) override;

 private:
  std::string note_;
};

}  // namespace gradlab
