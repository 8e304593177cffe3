# bash completion for relview(1): options (from relview --help, so they never
# drift), theme names (relview --list-themes) and theme files, and files and
# folders as inputs. Needs nothing but bash (4.0 or later, for compopt).
_relview()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} IFS=$'\n'
	# "--theme=sol" comes as "--theme" "=" "sol" (or "=" alone, nothing typed yet).
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	case $prev in
	--theme)
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" --list-themes 2>/dev/null)" -- "$cur")
			$(compgen -f -X '!*.ini' -- "$cur"))
		# Folders once a path is typed: before, the theme names would drown in them.
		[[ $cur == */* || $cur == .* || $cur == '~'* ]] && COMPREPLY+=($(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		return
		;;
	--config)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return
		;;
	--format)
		COMPREPLY=($(compgen -W $'tsv\njson' -- "$cur"))
		return
		;;
	--print | --width | --topic | --location | --since | --until | --search)
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" --help 2>/dev/null |
			sed -n 's/^  \(--[a-z-]*\)\(=\)\{0,1\}.*/\1\2/p')" -- "$cur"))
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
}
# No -o filenames here: readline would then quote the "=" of "--theme=" as "\=",
# which joins the option and its value into one word that completes nothing.
# _relview asks for it (compopt) where it completes file names.
complete -o bashdefault -F _relview relview
