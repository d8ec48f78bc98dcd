# Shell functions shared by the .ci scripts (sourced, not run).

# copy_tree DIR: a clean copy of the working tree in DIR: tracked and untracked files, none that git
# ignores (target/).
copy_tree() {
  mkdir -p "$1"
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [[ -e "$f" ]] && printf '%s\0' "$f"
  done | xargs -0 cp --parents -t "$1"
}
