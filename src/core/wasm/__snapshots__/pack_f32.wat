(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t1 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $pack_rows_f32 (export "pack_rows_f32") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32)
    (local $l8 i32) (local $l9 i32) (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 i32)
    local.get $p3
    i32.const 4
    i32.mul
    local.set $l13
    local.get $p6
    local.set $l8
    block $B0
      local.get $l8
      local.get $p7
      i32.ge_s
      br_if $B0
      loop $L1
        i32.const 0
        local.set $l9
        block $B2
          local.get $l9
          local.get $p3
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $p1
            local.get $l8
            local.get $p3
            i32.mul
            local.get $l9
            i32.add
            local.get $p2
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.set $l11
            local.get $p0
            local.get $l8
            local.get $p3
            i32.mul
            local.get $p5
            i32.mul
            local.get $l9
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l12
            i32.const 0
            local.set $l10
            block $B4
              local.get $l10
              local.get $p4
              i32.ge_s
              br_if $B4
              loop $L5
                local.get $l12
                local.get $l11
                f32.load
                f32.store
                local.get $l11
                i32.const 4
                i32.add
                local.set $l11
                local.get $l12
                local.get $l13
                i32.add
                local.set $l12
                local.get $l10
                i32.const 1
                i32.add
                local.set $l10
                local.get $l10
                local.get $p4
                i32.lt_s
                br_if $L5
              end
            end
            local.get $p4
            local.set $l10
            block $B6
              local.get $l10
              local.get $p5
              i32.ge_s
              br_if $B6
              loop $L7
                local.get $l12
                f32.const 0x0p+0 (;=0;)
                f32.store
                local.get $l12
                local.get $l13
                i32.add
                local.set $l12
                local.get $l10
                i32.const 1
                i32.add
                local.set $l10
                local.get $l10
                local.get $p5
                i32.lt_s
                br_if $L7
              end
            end
            local.get $l9
            i32.const 1
            i32.add
            local.set $l9
            local.get $l9
            local.get $p3
            i32.lt_s
            br_if $L3
          end
        end
        local.get $l8
        i32.const 1
        i32.add
        local.set $l8
        local.get $l8
        local.get $p7
        i32.lt_s
        br_if $L1
      end
    end)
  (func $pack_cols_f32 (export "pack_cols_f32") (type $t1) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32)
    (local $l8 i32) (local $l9 i32) (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 i32)
    local.get $p3
    i32.const 4
    i32.mul
    local.set $l13
    local.get $p6
    local.set $l8
    block $B0
      local.get $l8
      local.get $p7
      i32.ge_s
      br_if $B0
      loop $L1
        local.get $p0
        local.get $l8
        local.get $p5
        i32.mul
        local.get $l13
        i32.mul
        i32.add
        local.set $l11
        i32.const 0
        local.set $l9
        block $B2
          local.get $l9
          local.get $p5
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $l9
            local.get $p4
            i32.lt_s
            if $I4
              local.get $p1
              local.get $l9
              local.get $p2
              i32.mul
              local.get $l8
              local.get $p3
              i32.mul
              i32.add
              i32.const 4
              i32.mul
              i32.add
              local.set $l10
              i32.const 0
              local.set $l12
              block $B5
                local.get $l12
                local.get $l13
                i32.ge_s
                br_if $B5
                loop $L6
                  local.get $l11
                  local.get $l12
                  i32.add
                  local.get $l10
                  local.get $l12
                  i32.add
                  v128.load
                  v128.store
                  local.get $l12
                  i32.const 16
                  i32.add
                  local.set $l12
                  local.get $l12
                  local.get $l13
                  i32.lt_s
                  br_if $L6
                end
              end
            else
              i32.const 0
              local.set $l12
              block $B7
                local.get $l12
                local.get $l13
                i32.ge_s
                br_if $B7
                loop $L8
                  local.get $l11
                  local.get $l12
                  i32.add
                  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                  v128.store
                  local.get $l12
                  i32.const 16
                  i32.add
                  local.set $l12
                  local.get $l12
                  local.get $l13
                  i32.lt_s
                  br_if $L8
                end
              end
            end
            local.get $l11
            local.get $l13
            i32.add
            local.set $l11
            local.get $l9
            i32.const 1
            i32.add
            local.set $l9
            local.get $l9
            local.get $p5
            i32.lt_s
            br_if $L3
          end
        end
        local.get $l8
        i32.const 1
        i32.add
        local.set $l8
        local.get $l8
        local.get $p7
        i32.lt_s
        br_if $L1
      end
    end))
