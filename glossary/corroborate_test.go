package glossary_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
)

func TestCorroborate(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte(`terms:
  - en: Type
    ko: {use: [타입]}
  - en: container
    ko: {use: [컨테이너]}
  - en: Pod
    ko: {use: [파드]}
`))
	if err != nil {
		t.Fatal(err)
	}
	count := func(term, target string) glossary.Finding {
		return glossary.Finding{Rule: glossary.Missing, Lang: "ko", Term: term, Found: "0 of 1", Target: target}
	}
	var in []glossary.Finding
	// Type is rendered 유형 in five units (with particles); one unit
	// drops the word.
	for _, s := range []string{"볼륨 유형을 고른다.", "서비스 유형의 목록이다.", "이 유형은 오래되었다.", "두 유형이 있다.", "노드 유형에 따라 다르다."} {
		in = append(in, count("Type", s))
	}
	in = append(in, count("Type", "두 가지가 있다."))
	// Pod is left out where the unit speaks of containers: 컨테이너 renders
	// another concept, so it stands for nothing here.
	for _, s := range []string{"컨테이너가 시작된다.", "컨테이너를 멈춘다.", "컨테이너는 작다.", "컨테이너에 쓴다.", "컨테이너로 보낸다.", "컨테이너와 같다."} {
		in = append(in, count("Pod", s))
	}
	// Filler for the baseline: other units.
	for _, s := range []string{"목록이 길다.", "설정이 바뀐다.", "문서를 읽는다.", "값을 쓴다.", "이름을 고른다.", "길이가 다르다.", "순서가 있다.", "키가 없다."} {
		in = append(in, count("Other", s))
	}
	in = append(in, glossary.Finding{Rule: glossary.Missing, Lang: "ko", Term: "Type", Found: "Type", Target: ""})
	// A keep term lost once: too few to learn from, it stands.
	in = append(in, glossary.Finding{Rule: glossary.Keep, Lang: "ko", Term: "kubelet", Found: "0 of 1", Target: "큐블릿이 실행된다."})
	var got []string
	for _, f := range glossary.Corroborate(g, in) {
		got = append(got, fmt.Sprintf("%s %s", f.Term, f.Found))
	}
	want := "Type 유형\nType 유형\nType 유형\nType 유형\nType 유형\nType Type\nkubelet 0 of 1"
	if strings.Join(got, "\n") != want {
		t.Errorf("Corroborate:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestCorroborateStable checks that the word a finding reports does not
// depend on the order of the findings (nor on map order): a prefix takes
// the longer word most of its findings share.
func TestCorroborateStable(t *testing.T) {
	g, _ := glossary.Parse("g.yaml", []byte("terms:\n  - en: redirect\n    ko: {use: [리다이렉트]}\n"))
	var in []glossary.Finding
	in = append(in, misses("redirect", "요청을 리디렉션한다.", "모두 리디렉션된다.", "리디렉션 규칙이다.", "리디렉션을 끈다.", "값을 리디렉션한다.", "그 리디렉션은 느리다.")...)
	in = append(in, baseline()...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		for _, f := range glossary.Corroborate(g, slices.Clone(in)) {
			if f.Term == "redirect" && f.Found != "리디렉션" {
				t.Fatalf("found %q, want 리디렉션", f.Found)
			}
		}
	}
}

// TestCorroboratePhrase checks that a learned word most of whose units
// have the same word before it is reported with that word: 더 이상, not
// 이상 alone.
func TestCorroboratePhrase(t *testing.T) {
	g, _ := glossary.Parse("g.yaml", []byte("terms:\n  - en: deprecated\n    ko: {use: [사용 중단]}\n"))
	var in []glossary.Finding
	in = append(in, misses("deprecated", "이 필드는 더 이상 쓰지 않는다.", "그 API는 더 이상 지원되지 않는다.", "옵션은 더 이상 권장하지 않는다.", "플래그는 더 이상 쓰이지 않는다.", "이 방식은 더 이상 사용하지 않는다.", "값이 기준 이상이다.")...)
	in = append(in, baseline()...)
	var got []string
	for _, f := range glossary.Corroborate(g, in) {
		if f.Term == "deprecated" {
			got = append(got, f.Found)
		}
	}
	want := "더 이상,더 이상,더 이상,더 이상,더 이상,이상"
	if strings.Join(got, ",") != want {
		t.Errorf("found %q, want %q", strings.Join(got, ","), want)
	}
}

// TestCorroborateFunctionWord checks that a grammatical word the units
// share (다음, "following") is not learned: the findings are dropped.
func TestCorroborateFunctionWord(t *testing.T) {
	g, _ := glossary.Parse("g.yaml", []byte("terms:\n  - en: manifest\n    ko: {use: [매니페스트]}\n"))
	var in []glossary.Finding
	in = append(in, misses("manifest", "다음은 예시이다.", "다음 파일을 쓴다.", "다음과 같이 적용한다.", "다음을 저장한다.", "다음 내용을 본다.")...)
	in = append(in, baseline()...)
	for _, f := range glossary.Corroborate(g, in) {
		if f.Term == "manifest" {
			t.Errorf("kept %q: found %q", f.Target, f.Found)
		}
	}
}

// baseline is findings of another concept in ten unrelated units: what a
// learned word must stand out from.
func baseline() []glossary.Finding {
	return misses("Other", "목록이 길다.", "설정이 바뀐다.", "문서를 읽는다.", "값을 쓴다.", "이름을 고른다.", "길이가 다르다.", "순서가 있다.", "키가 없다.", "파일을 연다.", "창을 닫는다.")
}

// misses is a count-only missing finding of term in each of the units.
func misses(term string, units ...string) []glossary.Finding {
	var fs []glossary.Finding
	for _, u := range units {
		fs = append(fs, glossary.Finding{Rule: glossary.Missing, Lang: "ko", Term: term, Found: "0 of 1", Target: u})
	}
	return fs
}
